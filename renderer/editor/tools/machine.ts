import type { Handled, Tool, ToolContext, ToolKey, ToolPointer, ToolState } from './framework/types';
import { toolById } from './registry';

/**
 * Runs the current tool's state machine: forwards each event to the current state and switches
 * state when a handler returns a new one (exit, then enter). Escape goes to `onCancel`. Switching
 * tools cancels what is in progress first (but keeps the selection), so a half-drawn polygon or an open drag never leaks.
 */
export class ToolMachine {
  #tool: Tool;
  #state: ToolState;
  readonly #ctx: ToolContext;

  constructor(ctx: ToolContext, toolId: string) {
    this.#ctx = ctx;
    this.#tool = toolById(toolId) ?? toolById('select')!;
    this.#state = this.#tool.idle();
    this.#state.enter?.(ctx);
  }

  get tool(): Tool {
    return this.#tool;
  }

  /** The current state's name, e.g. 'polygon/Drawing'. */
  get stateName(): string {
    return this.#state.name;
  }

  setTool(id: string): boolean {
    const tool = toolById(id);
    if (!tool) return false;
    this.#abort();
    this.#state.exit?.(this.#ctx);
    this.#tool = tool;
    this.#state = tool.idle();
    this.#state.enter?.(this.#ctx);
    return true;
  }

  pointerDown(e: ToolPointer): boolean {
    return this.#run(this.#state.onPointerDown?.(this.#ctx, e));
  }

  pointerMove(e: ToolPointer): boolean {
    return this.#run(this.#state.onPointerMove?.(this.#ctx, e));
  }

  pointerUp(e: ToolPointer): boolean {
    return this.#run(this.#state.onPointerUp?.(this.#ctx, e));
  }

  keyDown(e: ToolKey): boolean {
    if (e.key === 'Escape' && !e.mod && !e.alt) return this.cancel();
    return this.#run(this.#state.onKeyDown?.(this.#ctx, e));
  }

  /** Escape or a tool switch: the state drops what it was doing (an Idle state may clear the selection). */
  cancel(): boolean {
    return this.#run(this.#state.onCancel?.(this.#ctx));
  }

  /** Back to the tool's idle state after cancelling (a new image, undo during a gesture). */
  reset(): void {
    this.#abort();
    if (!this.#idle()) this.#switch(this.#tool.idle());
  }

  #idle(): boolean {
    return this.#state.name === this.#tool.idle().name;
  }

  /** Cancels a gesture in progress; an idle state is left alone (its cancel is Escape's "deselect"). */
  #abort(): void {
    if (!this.#idle()) this.cancel();
  }

  #run(result: Handled): boolean {
    if (result === undefined || result === false) return false;
    if (result === true) return true;
    if (result !== this.#state) this.#switch(result);
    return true;
  }

  #switch(next: ToolState): void {
    this.#state.exit?.(this.#ctx);
    this.#state = next;
    next.enter?.(this.#ctx);
  }
}

/**
 * Where the active item moves on a navigation key, in a grid of `columns` (1 for the list).
 * Pure so both views share one tested rule. Returns null for keys that are not navigation.
 */
export function navigate(
  key: string,
  index: number,
  options: { count: number; columns: number; pageRows: number },
): number | null {
  const { count, columns } = options;
  if (count <= 0) return null;
  const pageRows = Math.max(1, options.pageRows);
  const clamp = (value: number) => Math.min(count - 1, Math.max(0, value));
  const current = clamp(index);
  switch (key) {
    case 'ArrowRight':
      return clamp(current + 1);
    case 'ArrowLeft':
      return clamp(current - 1);
    case 'ArrowDown':
      // Down from the last full row to a shorter last row lands on its final item.
      return current + columns < count
        ? current + columns
        : lastRowStart(count, columns) > current
          ? count - 1
          : current;
    case 'ArrowUp':
      return current - columns >= 0 ? current - columns : current;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return clamp(current + pageRows * columns);
    case 'PageUp':
      return clamp(current - pageRows * columns);
    default:
      return null;
  }
}

function lastRowStart(count: number, columns: number): number {
  return Math.floor((count - 1) / columns) * columns;
}

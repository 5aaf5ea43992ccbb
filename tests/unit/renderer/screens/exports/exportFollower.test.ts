import { describe, expect, it } from 'vitest';
import { ExportFollower } from '../../../../../renderer/screens/exports/exportFollower';

describe('ExportFollower', () => {
  it('follows each unfinished export once, lets finished ones go, and unfollows the rest when the panel closes', () => {
    const calls: string[] = [];
    const follower = new ExportFollower(
      (id) => calls.push(`follow ${id}`),
      (id) => calls.push(`unfollow ${id}`),
    );
    follower.update(['a', 'b']);
    follower.update(['a', 'b']);
    follower.update(['b', 'c']);
    expect(calls).toEqual(['follow a', 'follow b', 'follow c', 'unfollow a']);
    expect([...follower.following].sort()).toEqual(['b', 'c']);
    follower.stop();
    expect(calls.slice(4).sort()).toEqual(['unfollow b', 'unfollow c']);
    expect(follower.following.size).toBe(0);
  });
});

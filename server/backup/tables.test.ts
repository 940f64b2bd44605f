import { describe, expect, it } from 'vitest';
import { dependencyOrder } from './tables.js';

describe('dependencyOrder', () => {
  it.each([
    ['no references: by name', ['c', 'a', 'b'], [], ['a', 'b', 'c']],
    [
      'parents before children',
      ['members', 'orgs', 'departments'],
      [
        { child: 'members', parent: 'departments' },
        { child: 'departments', parent: 'orgs' },
        { child: 'members', parent: 'orgs' },
      ],
      ['orgs', 'departments', 'members'],
    ],
    [
      'a self-reference needs no order',
      ['departments', 'audit'],
      [{ child: 'departments', parent: 'departments' }],
      ['audit', 'departments'],
    ],
    [
      'a released table sorts among the ready ones',
      ['z_parent', 'a_child', 'm'],
      [{ child: 'a_child', parent: 'z_parent' }],
      ['m', 'z_parent', 'a_child'],
    ],
    [
      'a cycle follows by name after the rest',
      ['x', 'y', 'free'],
      [
        { child: 'x', parent: 'y' },
        { child: 'y', parent: 'x' },
      ],
      ['free', 'x', 'y'],
    ],
  ])('%s', (_n, tables, edges, expected) => {
    expect(dependencyOrder(tables, edges)).toEqual(expected);
  });
});

/**
 * The org chart as a tree: departments (flat rows with parent ids) become nested nodes, each with its own
 * in-service count and the count of its whole subtree. A department whose parent the caller cannot see (or
 * that has none) is a root, so a community head's chart starts at their community's offices. Pure.
 */
export type DepartmentNodeInput = {
  id: number;
  parentId: number | null;
  staffCount: number;
};

export type TreeNode<T extends DepartmentNodeInput> = T & { subtreeCount: number; children: TreeNode<T>[] };

export function buildDepartmentTree<T extends DepartmentNodeInput>(rows: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>();
  for (const row of rows) nodes.set(row.id, { ...row, subtreeCount: 0, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId === null ? undefined : nodes.get(row.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  // Iterative post-order, so a deep or (corrupt) cyclic chain cannot overflow the stack or loop forever.
  const done = new Set<number>();
  for (const root of roots) {
    const stack: { node: TreeNode<T>; visited: boolean }[] = [{ node: root, visited: false }];
    while (stack.length > 0) {
      const top = stack.pop()!;
      if (top.visited) {
        top.node.subtreeCount = top.node.staffCount + top.node.children.reduce((sum, c) => sum + c.subtreeCount, 0);
        done.add(top.node.id);
        continue;
      }
      stack.push({ node: top.node, visited: true });
      for (const child of top.node.children) if (!done.has(child.id)) stack.push({ node: child, visited: false });
    }
  }
  return roots;
}

/** Every node of the tree, depth first in display order. */
export function flattenTree<T extends DepartmentNodeInput>(roots: readonly TreeNode<T>[]): TreeNode<T>[] {
  const out: TreeNode<T>[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

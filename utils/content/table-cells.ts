/**
 * Tables and grids as a reader sees them: which column a cell is in (colspan, aria-colindex),
 * which header cell names that column (th, role=columnheader, a Web Dynpro-style header row of
 * plain cells), and which cells sit below a header. SAP grids label their inputs and their
 * values on file only this way.
 */

export const CELL_SELECTOR = 'td, th, [role=gridcell], [role=cell], [role=columnheader], [role=rowheader]';
const ROW_SELECTOR = 'tr, [role=row]';
export const GRID_SELECTOR = 'table, [role=grid], [role=treegrid], [role=table]';
const CONTROLS = 'input, select, textarea, [role=combobox], [role=textbox]';
/** Grids nested this deep (a header table and a body table inside one role=grid) are one grid. */
const MAX_GRID_LEVELS = 3;
/** Only the first rows below a header are its values (a long list is not a bank record). */
const MAX_VALUE_ROWS = 5;
/** A header-like first row of plain cells needs this many columns: two are label | value rows. */
const MIN_PLAIN_HEADER_CELLS = 3;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function span(cell: Element): number {
  const value = Number.parseInt(cell.getAttribute('colspan') ?? '', 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, 1000) : 1;
}

function ariaColumn(cell: Element): number | undefined {
  const value = Number.parseInt(cell.getAttribute('aria-colindex') ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value - 1 : undefined;
}

/** The cells of a row, in order: its children, or (ARIA grids with wrappers) its nearest cells. */
export function rowCells(row: Element): Element[] {
  const direct = Array.from(row.children).filter((child) => child.matches(CELL_SELECTOR));
  if (direct.length > 0) return direct;
  return Array.from(row.querySelectorAll(CELL_SELECTOR)).filter((cell) => cell.parentElement?.closest(ROW_SELECTOR) === row);
}

/** Column range [from, to) of each cell of a row, colspans counted, aria-colindex honoured. */
function columns(cells: readonly Element[]): [number, number][] {
  let next = 0;
  return cells.map((cell) => {
    const from = ariaColumn(cell) ?? next;
    next = from + span(cell);
    return [from, next];
  });
}

export interface CellPlace {
  cell: Element;
  row: Element;
  from: number;
  to: number;
}

/** Where `element` sits: its cell, row and columns; undefined outside a table or grid. */
export function cellPlace(element: Element): CellPlace | undefined {
  const cell = element.closest(CELL_SELECTOR);
  const row = cell?.parentElement?.closest(ROW_SELECTOR);
  if (!cell || !row) return undefined;
  const cells = rowCells(row);
  const index = cells.indexOf(cell);
  if (index < 0) return undefined;
  const [from, to] = columns(cells)[index]!;
  return { cell, row, from, to };
}

function isHeaderCell(cell: Element): boolean {
  const role = cell.getAttribute('role');
  if (role === 'columnheader') return true;
  if (role === 'rowheader' || cell.getAttribute('scope') === 'row') return false;
  return cell.localName === 'th' && role === null;
}

/** A row of column headers: in a thead, or all its cells are header cells. */
export function isHeaderRow(row: Element): boolean {
  if (row.parentElement?.localName === 'thead') return true;
  const cells = rowCells(row);
  return cells.length > 0 && cells.every(isHeaderCell);
}

/** Whether `node` sits inside a cell of `grid` (a table nested in a cell is a grid of its own). */
function inCellOf(node: Element, grid: Element): boolean {
  const cell = node.parentElement?.closest(CELL_SELECTOR);
  return !!cell && grid.contains(cell);
}

/**
 * The grid `element` belongs to: its nearest table or grid, widened to the role=grid around it
 * when that one holds it directly (a header table and a body table inside one grid).
 */
export function gridOf(element: Element): Element | null {
  let grid = element.closest(GRID_SELECTOR);
  for (let level = 1; grid && level < MAX_GRID_LEVELS; level++) {
    const outer = grid.parentElement?.closest(GRID_SELECTOR);
    if (!outer || inCellOf(grid, outer)) break;
    grid = outer;
  }
  return grid;
}

/** The rows of `grid` holding column headers, in order. */
function headerRows(grid: Element): Element[] {
  const rows: Element[] = [];
  for (const header of grid.querySelectorAll('th, [role=columnheader]')) {
    const row = header.parentElement?.closest(ROW_SELECTOR);
    if (!row || rows.includes(row) || inCellOf(row, grid) || !isHeaderRow(row)) continue;
    rows.push(row);
  }
  return rows;
}

const hasLetters = (cell: Element) => /\p{L}/u.test(cell.textContent ?? '');

/**
 * A first row of short plain texts over rows of entries of the same width: the header row of
 * grids drawn without th or roles (older Web Dynpro tables). Label | value tables have two
 * columns, and a row with a label cell of its own needs no header.
 */
function plainHeaderRow(grid: Element, row: Element): Element | undefined {
  if (grid.localName !== 'table' || rowCells(row).some((cell) => !cell.querySelector(CONTROLS) && hasLetters(cell))) return undefined;
  const first = grid.querySelector(ROW_SELECTOR);
  if (!first || first === row || first.closest(GRID_SELECTOR) !== grid || first.querySelector(CONTROLS)) return undefined;
  const cells = rowCells(first);
  if (cells.length < MIN_PLAIN_HEADER_CELLS || cells.length !== rowCells(row).length) return undefined;
  return cells.every((cell) => hasLetters(cell) && collapse(cell.textContent ?? '').length <= 64) ? first : undefined;
}

function precedes(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0;
}

/** The header cell of `place`'s column in one header row; not one spanning the whole grid (a title). */
function headerCellAt(row: Element, place: CellPlace): Element | undefined {
  const cells = rowCells(row);
  const ranges = columns(cells);
  const width = columns(rowCells(place.row)).at(-1)?.[1] ?? 0;
  for (let i = 0; i < cells.length; i++) {
    const [from, to] = ranges[i]!;
    if (from <= place.from && place.from < to) return to - from > 1 && to - from >= width ? undefined : cells[i];
  }
  return undefined;
}

/** The header cells naming the column of `element`'s cell, nearest row first (`headers`, then header rows). */
export function columnHeaders(element: Element): Element[] {
  const place = cellPlace(element);
  if (!place || isHeaderRow(place.row)) return [];
  const root = element.getRootNode() as Document | ShadowRoot;
  const named = (place.cell.getAttribute('headers') ?? '')
    .split(/\s+/)
    .map((id) => (id ? root.getElementById(id) : null))
    .filter((header): header is HTMLElement => header !== null);
  if (named.length > 0) return named;
  const grid = gridOf(place.cell);
  if (!grid) return [];
  const rows = headerRows(grid).filter((row) => row !== place.row && precedes(row, place.row));
  const plain = rows.length === 0 ? plainHeaderRow(grid, place.row) : undefined;
  if (plain) rows.push(plain);
  const found: Element[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const header = headerCellAt(rows[i]!, place);
    if (header) found.push(header);
  }
  return found;
}

/** Whether `cell` heads a column (th / columnheader in a header row), not a row. */
export function isColumnHeader(cell: Element): boolean {
  const row = cell.parentElement?.closest(ROW_SELECTOR);
  return !!row && isHeaderRow(row) && isHeaderCell(cell);
}

/**
 * The first cells below a column header, in its column (body rows of the same grid, or of a
 * body table inside it), leaving out header rows.
 */
export function cellsBelow(header: Element): Element[] {
  const headerRow = header.parentElement?.closest(ROW_SELECTOR);
  if (!headerRow) return [];
  const headerCells = rowCells(headerRow);
  const index = headerCells.indexOf(header);
  if (index < 0) return [];
  const [from] = columns(headerCells)[index]!;
  const grid = gridOf(headerRow);
  if (!grid) return [];
  const found: Element[] = [];
  for (const row of grid.querySelectorAll(ROW_SELECTOR)) {
    if (found.length >= MAX_VALUE_ROWS) break;
    if (!precedes(headerRow, row) || inCellOf(row, grid) || isHeaderRow(row)) continue;
    const cells = rowCells(row);
    const at = columns(cells).findIndex(([start, end]) => start <= from && from < end);
    if (at >= 0) found.push(cells[at]!);
  }
  return found;
}

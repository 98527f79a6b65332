/**
 * Every inline icon of the app, by name: the shapes Icon.svelte draws on a
 * 24×24 grid with a 1.75 round stroke in currentColor. An icon may override
 * an attribute of one shape (a thicker dot, a filled circle).
 */
export type IconShape = readonly ["path" | "circle" | "rect" | "ellipse", Readonly<Record<string, string | number>>];

const ICONS = {
  // Pages of the navigation (one per PageId)
  dashboard: [
    ["rect", { x: 3, y: 3, width: 7.5, height: 9, rx: 1.5 }],
    ["rect", { x: 13.5, y: 3, width: 7.5, height: 5, rx: 1.5 }],
    ["rect", { x: 13.5, y: 11, width: 7.5, height: 10, rx: 1.5 }],
    ["rect", { x: 3, y: 15, width: 7.5, height: 6, rx: 1.5 }],
  ],
  sites: [
    ["path", { d: "M3 21h18" }],
    ["path", { d: "M7 21V3" }],
    ["path", { d: "M4 6h16" }],
    ["path", { d: "M7 3 4 6" }],
    ["path", { d: "m7 10 3-4m-3 9 3-4v10" }],
    ["path", { d: "M17 6v5" }],
    ["rect", { x: 15, y: 11, width: 4, height: 3, rx: 0.5 }],
  ],
  programme: [
    ["rect", { x: 3, y: 5, width: 18, height: 16, rx: 2 }],
    ["path", { d: "M3 10h18M8 3v4M16 3v4" }],
    ["path", { d: "M7.5 14h2M11 14h2M14.5 14h2M7.5 17.5h2M11 17.5h2" }],
  ],
  tours: [
    ["rect", { x: 4, y: 3, width: 16, height: 15, rx: 3 }],
    ["path", { d: "M4 11h16M9 6.5h6M7 18v3M17 18v3" }],
    ["path", { d: "M7.5 14.5h.01M16.5 14.5h.01", "stroke-width": 2.5 }],
  ],
  groups: [
    ["circle", { cx: 9, cy: 8, r: 3.5 }],
    ["path", { d: "M2.5 20c.6-3.6 3.2-5.5 6.5-5.5s5.9 1.9 6.5 5.5" }],
    ["circle", { cx: 17, cy: 9, r: 2.5 }],
    ["path", { d: "M17 14.5c2.3 0 4 1.4 4.5 4" }],
  ],
  checkin: [
    ["rect", { x: 5, y: 4.5, width: 14, height: 16.5, rx: 2 }],
    ["rect", { x: 9, y: 3, width: 6, height: 3, rx: 1 }],
    ["path", { d: "m9 13 2 2 4-4.5" }],
  ],
  requests: [
    ["path", { d: "M4 5h16v11H9l-5 4z" }],
    ["path", { d: "M10 9.3a2 2 0 1 1 2.8 1.8c-.5.2-.8.6-.8 1.1v.3" }],
    ["path", { d: "M12 14.2h.01", "stroke-width": 2.25 }],
  ],
  reports: [
    ["path", { d: "M3 21h18" }],
    ["rect", { x: 5, y: 11, width: 3.5, height: 7, rx: 0.75 }],
    ["rect", { x: 10.25, y: 5, width: 3.5, height: 13, rx: 0.75 }],
    ["rect", { x: 15.5, y: 8.5, width: 3.5, height: 9.5, rx: 0.75 }],
  ],
  settings: [
    ["path", { d: "M4 6h9M19 6h1M4 12h3M13 12h7M4 18h11M21 18h-.01" }],
    ["circle", { cx: 16, cy: 6, r: 2.25 }],
    ["circle", { cx: 10, cy: 12, r: 2.25 }],
    ["circle", { cx: 18, cy: 18, r: 2.25 }],
  ],

  // Status and notices
  alert: [
    ["circle", { cx: 12, cy: 12, r: 9 }],
    ["path", { d: "M12 7.5V13" }],
    ["path", { d: "M12 16.5h.01", "stroke-width": 2.5 }],
  ],
  warning: [
    ["path", { d: "M12 3.5 2.5 20h19z" }],
    ["path", { d: "M12 10v4.5" }],
    ["path", { d: "M12 17.3h.01", "stroke-width": 2.5 }],
  ],
  info: [
    ["circle", { cx: 12, cy: 12, r: 9 }],
    ["path", { d: "M12 11v5.5" }],
    ["path", { d: "M12 7.5h.01", "stroke-width": 2.5 }],
  ],
  check: [["path", { d: "m5 12.5 4.5 4.5L19 7.5" }]],
  database: [
    ["ellipse", { cx: 12, cy: 5.5, rx: 7, ry: 2.5 }],
    ["path", { d: "M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13" }],
    ["path", { d: "M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" }],
  ],
  globe: [
    ["circle", { cx: 12, cy: 12, r: 9 }],
    ["path", { d: "M3 12h18" }],
    ["path", { d: "M12 3c2.4 2.5 3.6 5.5 3.6 9s-1.2 6.5-3.6 9c-2.4-2.5-3.6-5.5-3.6-9S9.6 5.5 12 3z" }],
  ],

  // Dates and moving about
  calendar: [
    ["rect", { x: 3.5, y: 5, width: 17, height: 15.5, rx: 2 }],
    ["path", { d: "M3.5 10h17M8 3v4M16 3v4" }],
    ["path", { d: "M8 14.5h.01M12 14.5h.01M16 14.5h.01", "stroke-width": 2.25 }],
  ],
  convert: [["path", { d: "M4 8h14m-4-4 4 4-4 4" }], ["path", { d: "M20 16H6m4-4-4 4 4 4" }]],
  clock: [["circle", { cx: 12, cy: 12, r: 8.5 }], ["path", { d: "M12 7.5V12l3 2" }]],
  hourglass: [["path", { d: "M7 3h10M7 21h10M8 3c0 5 8 5 8 9s-8 4-8 9M16 3c0 5-8 5-8 9s8 4 8 9" }]],
  "chevron-left": [["path", { d: "m14.5 6-6 6 6 6" }]],
  "chevron-right": [["path", { d: "m9.5 6 6 6-6 6" }]],
  "chevrons-left": [["path", { d: "m12 6-6 6 6 6M18 6l-6 6 6 6" }]],
  "chevrons-right": [["path", { d: "m6 6 6 6-6 6M12 6l6 6-6 6" }]],
  back: [["path", { d: "M5 12h14m-6-6 6 6-6 6" }]],
  up: [["path", { d: "M12 19V5m-6 6 6-6 6 6" }]],
  down: [["path", { d: "M12 5v14m-6-6 6 6 6-6" }]],
  grip: [
    ["circle", { cx: 9, cy: 6, r: 1.2, fill: "currentColor", stroke: "none" }],
    ["circle", { cx: 15, cy: 6, r: 1.2, fill: "currentColor", stroke: "none" }],
    ["circle", { cx: 9, cy: 12, r: 1.2, fill: "currentColor", stroke: "none" }],
    ["circle", { cx: 15, cy: 12, r: 1.2, fill: "currentColor", stroke: "none" }],
    ["circle", { cx: 9, cy: 18, r: 1.2, fill: "currentColor", stroke: "none" }],
    ["circle", { cx: 15, cy: 18, r: 1.2, fill: "currentColor", stroke: "none" }],
  ],

  // Actions
  plus: [["path", { d: "M12 5v14M5 12h14" }]],
  close: [["path", { d: "M6 6l12 12M18 6 6 18" }]],
  edit: [["path", { d: "M4 20h4L19 9l-4-4L4 16z" }], ["path", { d: "m13.5 6.5 4 4" }]],
  trash: [["path", { d: "M4 7h16M10 11v6M14 11v6" }], ["path", { d: "M6 7l1 13h10l1-13M9 7V4h6v3" }]],
  copy: [
    ["rect", { x: 8.5, y: 8.5, width: 11.5, height: 11.5, rx: 2 }],
    ["path", { d: "M15.5 8.5V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v7.5a2 2 0 0 0 2 2h2.5" }],
  ],
  undo: [["path", { d: "M9 14 4 9l5-5" }], ["path", { d: "M4 9h10.5a5.5 5.5 0 0 1 0 11H11" }]],
  archive: [
    ["rect", { x: 3, y: 4, width: 18, height: 4.5, rx: 1 }],
    ["path", { d: "M5 8.5V19a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8.5M10 12.5h4" }],
  ],
  upload: [["path", { d: "M12 15V4m-4 4 4-4 4 4" }], ["path", { d: "M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4" }]],
  download: [["path", { d: "M12 4v11m-4-4 4 4 4-4" }], ["path", { d: "M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4" }]],
  print: [
    ["path", { d: "M7 9V3.5h10V9" }],
    ["path", { d: "M7 17H5a2 2 0 0 1-2-2v-4a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v4a2 2 0 0 1-2 2h-2" }],
    ["rect", { x: 7, y: 14, width: 10, height: 7, rx: 1 }],
  ],
  search: [["circle", { cx: 11, cy: 11, r: 6.5 }], ["path", { d: "m16 16 4.5 4.5" }]],
  generate: [
    ["path", { d: "M20 12a8 8 0 0 1-14.3 4.9M4 12a8 8 0 0 1 14.3-4.9" }],
    ["path", { d: "M18.5 3v4.2h-4.2M5.5 21v-4.2h4.2" }],
  ],
  wand: [["path", { d: "m4 20 11-11M13 5l1.5-1.5M18.5 9.5 20 8M16 3v2M21 8h-2M17.5 6.5l-2-2" }], ["path", { d: "m13 7 4 4" }]],

  // Things on the pages
  image: [
    ["rect", { x: 3, y: 4.5, width: 18, height: 15, rx: 2 }],
    ["circle", { cx: 9, cy: 10, r: 1.8 }],
    ["path", { d: "m21 16-5-5-9 8.5" }],
  ],
  star: [["path", { d: "m12 3.5 2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z" }]],
  pin: [
    ["path", { d: "M12 21s-6.5-6.2-6.5-11a6.5 6.5 0 0 1 13 0c0 4.8-6.5 11-6.5 11z" }],
    ["circle", { cx: 12, cy: 10, r: 2.3 }],
  ],
  flag: [["path", { d: "M5 21V4m0 0h11l-2 4 2 4H5" }]],
  route: [
    ["circle", { cx: 6, cy: 18, r: 2.2 }],
    ["circle", { cx: 18, cy: 6, r: 2.2 }],
    ["path", { d: "M8.2 18H15a3 3 0 0 0 0-6H9a3 3 0 0 1 0-6h6.8" }],
  ],
  template: [["rect", { x: 4, y: 4, width: 16, height: 16, rx: 2 }], ["path", { d: "M4 9h16M9 9v11" }]],
  bus: [["rect", { x: 4, y: 3, width: 16, height: 15, rx: 3 }], ["path", { d: "M4 11h16M7 18v3M17 18v3" }]],
  seat: [["path", { d: "M7 4v9a2 2 0 0 0 2 2h7l2 5M7 13h8" }], ["path", { d: "M5 20h6" }]],
  guide: [["circle", { cx: 12, cy: 7.5, r: 3.5 }], ["path", { d: "M5 20a7 7 0 0 1 14 0" }]],
  people: [
    ["circle", { cx: 9, cy: 8, r: 3.2 }],
    ["path", { d: "M3 20c.5-3.4 2.9-5.3 6-5.3s5.5 1.9 6 5.3" }],
    ["path", { d: "M16 5.2a3 3 0 0 1 0 5.6M17.5 14.8c2 .5 3.2 2.2 3.5 5.2" }],
  ],
  age: [
    ["circle", { cx: 12, cy: 12, r: 8.5 }],
    ["path", { d: "M9 9.5h.01M15 9.5h.01", "stroke-width": 2.5 }],
    ["path", { d: "M8.8 14.2a4 4 0 0 0 6.4 0" }],
  ],
  "step-free": [
    ["circle", { cx: 10, cy: 4.5, r: 1.8 }],
    ["path", { d: "M10 7.5v6h6l2.5 5" }],
    ["path", { d: "M10 10h5" }],
    ["path", { d: "M7.5 11.5a5 5 0 1 0 7.5 6" }],
  ],

  // Protective equipment (one per Ppe)
  helmet: [
    ["path", { d: "M4.5 16.5a7.5 7.5 0 0 1 15 0" }],
    ["path", { d: "M2 16.5h20v2.5H2z" }],
    ["path", { d: "M12 9v4.5M8.8 10.2l.9 3.3M15.2 10.2l-.9 3.3" }],
  ],
  vest: [
    ["path", { d: "M8.5 3 5 5.5V21h5.5v-6.5L12 13l1.5 1.5V21H19V5.5L15.5 3 12 8z" }],
    ["path", { d: "M5 15h5.5M13.5 15H19" }],
  ],
  "closed_shoes": [
    ["path", { d: "M3 18V9.5h5l2.5 3H16c3 0 5 1.8 5 4.5v1z" }],
    ["path", { d: "M3 18h18v1.5H3z" }],
    ["path", { d: "M12 12.5l1-1.5M14 12.5l1-1.5" }],
  ],
  "long_trousers": [["path", { d: "M7 3h10l1.5 18h-4.2L12 10.5 9.7 21H5.5z" }], ["path", { d: "M7 6h10" }]],
  gloves: [
    ["path", { d: "M7.5 21v-4.5L4.3 12.8a1.3 1.3 0 0 1 1.9-1.8L8.5 13V5.5a1.25 1.25 0 0 1 2.5 0V11V4.2a1.25 1.25 0 0 1 2.5 0V11V5.2a1.25 1.25 0 0 1 2.5 0V11V7.5a1.25 1.25 0 0 1 2.5 0v8L16.5 21z" }],
  ],
  goggles: [
    ["path", { d: "M3.5 9.5h17v4a3 3 0 0 1-3 3h-2.2L12 14l-3.3 2.5H6.5a3 3 0 0 1-3-3z" }],
    ["path", { d: "M3.5 11H2M20.5 11H22" }],
  ],
  mask: [
    ["path", { d: "M5 9c3.5-1.8 10.5-1.8 14 0v3.5c0 3.2-3.2 6-7 6s-7-2.8-7-6z" }],
    ["path", { d: "M5 10.5 2.5 9M19 10.5 21.5 9M5 13.5l-2 1.5M19 13.5l2 1.5" }],
    ["path", { d: "M8.5 12h7M9.5 15h5" }],
  ],
} as const satisfies Record<string, readonly IconShape[]>;

export type IconName = keyof typeof ICONS;

export function iconShapes(name: IconName): readonly IconShape[] {
  return ICONS[name];
}

// Exports of the view shown: a PNG with its title, legend, region and date; its table as CSV or Excel; the graph as
// Cytoscape JSON. File names carry chain, region and date (锂电池_常州_2026-12-02.xlsx).
import { api } from "./api";
import { today } from "./dom";
import { legendEntries, cy } from "./graph";
import { t, type Word } from "./i18n";
import { fontFamily } from "./style";

export interface Subject { title: string; chain?: string; region?: string }
export interface TableShown { name: string; header: string[]; rows: string[][] }

/** The file name's stem: the chain (else the view's title), the region, the date; characters a file system refuses go. */
export function fileStem(subject: Subject) {
  const parts = [subject.chain || subject.title || "chaingraph", subject.region, today()].filter(Boolean) as string[];
  return parts.map(p => p.replace(/[\\/:*?"<>|\s·→]+/g, "-").replace(/^-+|-+$/g, "")).filter(Boolean).join("_");
}

export function download(name: string, blob: Blob) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// A cell a spreadsheet would run as a formula gets a leading ' (OWASP's rule), as the service's CSV does; plain numbers stay.
export const spreadsheetSafe = (cell: string) => (/^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell) ? `'${cell}` : cell);

export function csv(table: TableShown): Blob {
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const text = [table.header, ...table.rows].map(r => r.map(c => quote(spreadsheetSafe(c))).join(",")).join("\r\n");
  return new Blob(["\uFEFF" + text], { type: "text/csv;charset=utf-8" });
}

export const xlsx = (subject: Subject, table: TableShown) =>
  api.xlsx(fileStem(subject), [{ name: table.name || t("sheet.table"), header: table.header, rows: table.rows }]);

export const cytoscapeJson = () => new Blob([JSON.stringify(cy.json())], { type: "application/json" });

/** The graph as a picture with a title bar, the legend beside it and a footer with region and date: it reads alone. */
export async function png(subject: Subject): Promise<Blob> {
  const scale = 2;
  const graph = await loadImage(cy.png({ output: "base64uri", full: true, scale, bg: "#ffffff", maxWidth: 4000, maxHeight: 4000 }) as string);
  const entries = legendEntries();
  const legendWidth = 190 * scale;
  const titleHeight = 44 * scale;
  const footerHeight = 28 * scale;
  const width = Math.max(graph.width + legendWidth, 640 * scale);
  const height = Math.max(graph.height, entries.length * 20 * scale + 30 * scale) + titleHeight + footerHeight;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext("2d")!;
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, width, height);
  g.fillStyle = "#1d2433";
  g.fillRect(0, 0, width, titleHeight);
  g.fillStyle = "#ffffff";
  g.font = `bold ${18 * scale}px ${fontFamily}`;
  g.textBaseline = "middle";
  g.fillText(subject.title, 14 * scale, titleHeight / 2);
  g.drawImage(graph, 0, titleHeight);
  // The legend, as on the page.
  const x0 = width - legendWidth + 10 * scale;
  let y = titleHeight + 20 * scale;
  g.fillStyle = "#1d2433";
  g.font = `bold ${13 * scale}px ${fontFamily}`;
  g.fillText(t("legend.title"), x0, y);
  g.font = `${12 * scale}px ${fontFamily}`;
  for (const entry of entries) {
    y += 20 * scale;
    g.fillStyle = entry.colour;
    g.strokeStyle = entry.colour;
    if (["line", "thick", "dashed", "dotted"].includes(entry.shape)) {
      g.lineWidth = (entry.shape === "thick" ? 3 : 1.5) * scale;
      g.setLineDash(entry.shape === "dashed" ? [5 * scale, 3 * scale] : entry.shape === "dotted" ? [1.5 * scale, 2.5 * scale] : []);
      g.beginPath();
      g.moveTo(x0, y);
      g.lineTo(x0 + 16 * scale, y);
      g.stroke();
      g.setLineDash([]);
    } else if (entry.shape === "round" || entry.shape === "ring") {
      g.beginPath();
      g.arc(x0 + 7 * scale, y, 6 * scale, 0, 2 * Math.PI);
      if (entry.shape === "ring") {
        g.strokeStyle = "#1d2433";
        g.lineWidth = 2 * scale;
        g.stroke();
      } else g.fill();
    } else {
      g.fillRect(x0, y - 6 * scale, 14 * scale, 12 * scale);
    }
    g.fillStyle = "#1d2433";
    g.fillText(t(entry.word as Word), x0 + 22 * scale, y);
  }
  g.fillStyle = "#556";
  g.font = `${12 * scale}px ${fontFamily}`;
  const footer = [subject.region ? `${t("region.label")}: ${subject.region}` : "", `${t("export.date")}: ${today()}`, "ChainGraph"].filter(Boolean).join("   ");
  g.fillText(footer, 14 * scale, height - footerHeight / 2);
  return new Promise((resolve, reject) => canvas.toBlob(b => (b ? resolve(b) : reject(new Error("PNG"))), "image/png"));
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("image"));
    image.src = src;
  });
}

/** The printable 招商 report of a chain for a region (GET /api/reports?…&format=html). */
export const reportUrl = (chain: string, region: string) => `/api/reports?${new URLSearchParams({ chain, region, format: "html" })}`;

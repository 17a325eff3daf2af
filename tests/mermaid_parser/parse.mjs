// Parse Mermaid diagrams with the real Mermaid parser, all in one process.
// Input (stdin): a JSON list of diagram sources. Output (stdout): a JSON list,
// one entry per source: null when it parses, else the parser's message.
// Mermaid's parser needs a DOM (DOMPurify): jsdom gives it one.
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const name of ["DOMParser", "Element", "HTMLElement", "Node", "navigator"]) {
  if (!(name in globalThis)) {
    Object.defineProperty(globalThis, name, { value: dom.window[name], configurable: true });
  }
}

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

let input = "";
for await (const chunk of process.stdin) input += chunk;
const sources = JSON.parse(input);
const results = [];
for (const source of sources) {
  try {
    const parsed = await mermaid.parse(source);
    if (!parsed) {
      results.push("not recognised as a diagram");
      continue;
    }
    // The grammar alone accepts any text after a task's colon: the gantt's
    // database reads the dates and ids, as rendering would.
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    if (parsed.diagramType === "gantt") {
      const tasks = diagram.db.getTasks();
      for (const task of tasks) {
        if (!(task.startTime instanceof Date) || isNaN(task.startTime) || !(task.endTime instanceof Date) || isNaN(task.endTime)) {
          throw new Error(`task ${task.task} has no valid dates`);
        }
        if (task.endTime < task.startTime) throw new Error(`task ${task.task} ends before it starts`);
      }
    }
    results.push(null);
  } catch (error) {
    results.push(String(error && error.message ? error.message : error));
  }
}
process.stdout.write(JSON.stringify(results));

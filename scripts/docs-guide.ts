/**
 * The mock's guide on the docs site: mock/README.md, the guide that ships with the mock's package,
 * rendered as pages of the site, so that the two cannot disagree. The text before the first `##`
 * heading is the guide's first page (mock.html, with the list of pages); each `##` section is a page
 * of its own (mock-<heading's anchor>.html). Links are rewritten for the site:
 *
 * - an anchor (`#data-sets`, as GitHub names a heading) goes to the page that holds that heading;
 * - `../README.md`, the package's README, goes to the site's landing page;
 * - a link to another file of the repository (a test, a script) is no page of the site: its text
 *   stays, without the link;
 * - URLs stay as they are.
 */
import { Marked, type Token, type Tokens, type TokensList } from "marked";

export interface GuidePage {
  /** The file in the site, such as mock-data-sets.html. */
  file: string;
  /** The page's heading (the section's `##` heading, or the README's title), as plain text. */
  title: string;
  /** The page's body as HTML. */
  html: string;
}

/** The guide's first page; each section's page is `${GUIDE_PREFIX}-<anchor>.html`. */
export const GUIDE_FIRST_PAGE = "mock.html";
const GUIDE_PREFIX = "mock";
/** Where the site puts the package's README (the landing page). */
const LINKED_FILES: Readonly<Record<string, string>> = { "../README.md": "index.html" };

const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const ENTITIES: Readonly<Record<string, string>> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** A heading's text without Markdown: what GitHub reads to make its anchor (marked hands it out HTML-escaped). */
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => ("tokens" in token && token.tokens ? plainText(token.tokens) : "text" in token ? String(token.text) : ""))
    .join("")
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

/** Splits the README at its `##` headings and renders each part as a page. */
export function guidePages(markdown: string): GuidePage[] {
  const marked = new Marked({ gfm: true });
  const tokens = marked.lexer(markdown);

  // Pass 1: which page holds each heading.
  const slug = headingSlugger();
  const parts: { file: string; title: string; tokens: Token[]; ids: string[] }[] = [];
  const pageOf = new Map<string, string>();
  for (const token of tokens) {
    if (token.type === "heading") {
      const heading = token as Tokens.Heading;
      const title = plainText(heading.tokens);
      const id = slug(title);
      if (heading.depth <= 2 || parts.length === 0) {
        parts.push({ file: heading.depth === 1 && parts.length === 0 ? GUIDE_FIRST_PAGE : `${GUIDE_PREFIX}-${id}.html`, title, tokens: [], ids: [] });
      }
      parts[parts.length - 1]!.ids.push(id);
      pageOf.set(id, parts[parts.length - 1]!.file);
    }
    if (parts.length === 0) parts.push({ file: GUIDE_FIRST_PAGE, title: "aws-ops-contract-mock", tokens: [], ids: [] });
    parts[parts.length - 1]!.tokens.push(token);
  }

  // Pass 2: render, each heading with the anchor pass 1 gave it (GitHub's), links that work on the site.
  return parts.map((part) => {
    let next = 0;
    const renderer = {
      heading(text: string, level: number): string {
        return `<h${level} id="${part.ids[next++]}">${text}</h${level}>\n`;
      },
      link(href: string, title: string | null | undefined, text: string): string {
        const target = siteHref(href, part.file, pageOf);
        if (target === undefined) return text;
        return `<a href="${escapeHtml(target)}"${title ? ` title="${escapeHtml(title)}"` : ""}>${text}</a>`;
      },
    };
    const list = Object.assign(part.tokens, { links: (tokens as TokensList).links }) as TokensList;
    return { file: part.file, title: part.title, html: new Marked({ gfm: true, renderer }).parser(list) };
  });
}

/** Where a README link points on the site, or undefined when it points at no page of the site. */
function siteHref(href: string, from: string, pageOf: ReadonlyMap<string, string>): string | undefined {
  if (/^[a-z][a-z+.-]*:/i.test(href)) return href;
  if (href.startsWith("#")) {
    const page = pageOf.get(href.slice(1));
    if (page === undefined) throw new Error(`mock/README.md links to ${href}, which no heading has`);
    return page === from ? href : `${page}${href}`;
  }
  return LINKED_FILES[href];
}

/**
 * Renders one guide page into docs/guide/page.html. Placeholders: {{title}}, {{version}},
 * {{nav}} (the list of the guide's pages, the current one marked) and {{content}}. An unknown
 * placeholder is an error.
 */
export function renderGuidePage(template: string, page: GuidePage, pages: readonly GuidePage[], version: string): string {
  const nav = pages
    .map((p) => `<li><a href="${p.file}"${p.file === page.file ? ' aria-current="page"' : ""}>${escapeHtml(p.title)}</a></li>`)
    .join("\n      ");
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    switch (name) {
      case "title":
        return escapeHtml(page.title);
      case "version":
        return escapeHtml(version);
      case "nav":
        return nav;
      case "content":
        return page.html;
      default:
        throw new Error(`guide page template has unknown placeholder ${whole}`);
    }
  });
}

/// The site's one stylesheet: light and dark themes (`prefers-color-scheme`),
/// readable on a phone, printable, visible focus. System fonts only: nothing
/// is loaded from another host.
enum SiteStylesheet {
    static let source = """
    /* dockb reference site */
    :root {
      color-scheme: light dark;
      --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --border: #d0d7de; --panel: #f6f8fa;
      --link: #0a58ca; --link-visited: #6639ba; --accent: #0b5394; --focus: #d4580a;
      --note: #0969da; --tip: #1a7f37; --important: #8250df; --caution: #bc4c00; --warning: #cf222e;
      --required: #a40e26; --recommended: #1a7f37; --optional: #57606a; --highlight: #fff8c5;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #0f1419; --fg: #e6e9ee; --muted: #9aa4b1; --border: #3a434e; --panel: #171e26;
        --link: #7fb2ff; --link-visited: #c5a3ff; --accent: #9cc7ff; --focus: #ffab70;
        --note: #58a6ff; --tip: #56d364; --important: #bc8cff; --caution: #ffa657; --warning: #ff7b72;
        --required: #ff8e8e; --recommended: #56d364; --optional: #9aa4b1; --highlight: #3b3413;
      }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; background: var(--bg); color: var(--fg);
      font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
    }
    a { color: var(--link); text-underline-offset: 0.15em; }
    a:visited { color: var(--link-visited); }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
    code, pre, kbd, samp { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.92em; }
    code { background: var(--panel); border: 1px solid var(--border); border-radius: 4px; padding: 0 0.25em; overflow-wrap: anywhere; }
    pre { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 0.75em 1em; overflow-x: auto; }
    pre code { border: 0; padding: 0; background: none; }

    .skip-link { position: absolute; left: 0.5rem; top: -3rem; background: var(--bg); color: var(--link); padding: 0.5rem 0.75rem; border: 2px solid var(--focus); z-index: 10; }
    .skip-link:focus { top: 0.5rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

    .banner { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between;
      padding: 0.6rem 1rem; border-bottom: 1px solid var(--border); background: var(--panel); }
    .brand { font-weight: 700; font-size: 1.1rem; text-decoration: none; color: var(--fg); }
    .brand:visited { color: var(--fg); }
    .search-form { display: flex; gap: 0.4rem; flex: 1 1 16rem; max-width: 32rem; }
    .search-form input, .search-page input { flex: 1; min-width: 0; font: inherit; padding: 0.35rem 0.6rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--fg); }
    button { font: inherit; padding: 0.35rem 0.8rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--fg); cursor: pointer; }

    .layout { display: grid; grid-template-columns: 14rem minmax(0, 1fr); max-width: 82rem; margin: 0 auto; }
    .site-nav { padding: 1rem; border-right: 1px solid var(--border); }
    .site-nav ul { list-style: none; margin: 0; padding: 0; position: sticky; top: 1rem; }
    .site-nav li { margin: 0.15rem 0; }
    .site-nav a { display: block; padding: 0.25rem 0.5rem; border-radius: 6px; text-decoration: none; color: var(--fg); }
    .site-nav a:hover { background: var(--panel); }
    .site-nav a[aria-current="page"] { background: var(--panel); font-weight: 600; box-shadow: inset 3px 0 0 var(--accent); }
    .content { padding: 1rem 2rem 3rem; min-width: 0; }
    .content:focus { outline: none; }
    .footer { border-top: 1px solid var(--border); padding: 1rem; color: var(--muted); font-size: 0.9rem; text-align: center; }

    h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 0.5em; }
    h1 { font-size: 1.9rem; margin-top: 0.6em; }
    h2 { font-size: 1.45rem; padding-bottom: 0.2em; border-bottom: 1px solid var(--border); }
    h3 { font-size: 1.2rem; }
    h4 { font-size: 1.05rem; }
    .heading-link { color: var(--muted); text-decoration: none; font-weight: 400; opacity: 0; }
    h2:hover .heading-link, h3:hover .heading-link, h4:hover .heading-link, h5:hover .heading-link, h6:hover .heading-link,
    .heading-link:focus { opacity: 1; }
    .lead { font-size: 1.1rem; color: var(--muted); margin-top: 0; }
    .doc-meta { color: var(--muted); font-size: 0.9rem; margin-top: -0.2rem; }
    .aliases { color: var(--muted); }
    .page-contents { border: 1px solid var(--border); border-radius: 6px; padding: 0.3rem 1rem; margin: 1rem 0; background: var(--panel); }
    .page-contents-title { font-weight: 600; margin: 0.3rem 0; }
    .page-contents ul { margin: 0.2rem 0 0.5rem; padding-left: 1.2rem; columns: 2 16rem; }
    li > p { margin: 0.3em 0; }

    .table-wrap { overflow-x: auto; margin: 1em 0; border: 1px solid var(--border); border-radius: 6px; }
    table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
    caption { text-align: left; font-weight: 600; padding: 0.5rem 0.75rem; }
    th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.75rem; border-top: 1px solid var(--border); }
    thead th { background: var(--panel); border-top: 0; white-space: nowrap; }
    tbody th { font-weight: 600; }
    .align-center { text-align: center; } .align-right { text-align: right; }
    tr:target, li:target, p:target { background: var(--highlight); }
    :target { scroll-margin-top: 1rem; }
    .sort-button { all: unset; cursor: pointer; font-weight: 600; }
    .sort-button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .sort-button::after { content: " ↕"; color: var(--muted); font-weight: 400; }
    th[aria-sort="ascending"] .sort-button::after { content: " ↑"; }
    th[aria-sort="descending"] .sort-button::after { content: " ↓"; }
    .not-stated { color: var(--muted); }
    .cite-cell { min-width: 10rem; max-width: 18rem; font-size: 0.9rem; }
    .cite-doc { display: block; color: var(--muted); font-size: 0.8rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

    .alert { border-left: 4px solid var(--note); background: var(--panel); padding: 0.25rem 1rem; margin: 1em 0; border-radius: 0 6px 6px 0; }
    .alert-title { font-weight: 700; color: var(--note); margin: 0.4em 0 0.2em; }
    .alert-tip { border-color: var(--tip); } .alert-tip .alert-title { color: var(--tip); }
    .alert-important { border-color: var(--important); } .alert-important .alert-title { color: var(--important); }
    .alert-caution { border-color: var(--caution); } .alert-caution .alert-title { color: var(--caution); }
    .alert-warning { border-color: var(--warning); } .alert-warning .alert-title { color: var(--warning); }
    blockquote { margin: 1em 0; padding: 0 1em; border-left: 4px solid var(--border); color: var(--muted); }
    .include { border-left: 2px dashed var(--border); padding-left: 0.75rem; }
    .include-missing, .image-placeholder { color: var(--muted); font-style: italic; }
    .unresolved-link { text-decoration: underline dotted; text-decoration-color: var(--muted); }

    .fact-links { display: inline-flex; flex-wrap: wrap; gap: 0.25rem; vertical-align: middle; }
    .fact-link { font-size: 0.72rem; font-weight: 600; line-height: 1.4; padding: 0 0.4rem; border-radius: 999px;
      border: 1px solid var(--accent); color: var(--accent); text-decoration: none; white-space: nowrap; }
    .fact-link:visited { color: var(--accent); }
    .fact-link:hover { background: var(--accent); color: var(--bg); }

    .checklist { list-style: none; padding-left: 0; }
    .checklist > li { padding: 0.55rem 0.75rem 0.55rem 2rem; border: 1px solid var(--border); border-radius: 6px; margin: 0.45rem 0; position: relative; }
    .checklist > li::before { content: "☐"; position: absolute; left: 0.65rem; top: 0.45rem; color: var(--muted); }
    .fact-text { margin-right: 0.35rem; }
    .cite { display: block; font-size: 0.85rem; color: var(--muted); margin-top: 0.2rem; }
    .cite-cell .cite { margin-top: 0; }
    .cite-line { color: var(--muted); }
    .necessity { display: inline-block; font-size: 0.75rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em;
      padding: 0 0.4rem; margin-right: 0.4rem; border-radius: 4px; border: 1px solid var(--optional); color: var(--optional); }
    .necessity-required { border-color: var(--required); color: var(--required); }
    .necessity-recommended, .necessity-optional-recommended { border-color: var(--recommended); color: var(--recommended); }
    .condition { display: block; font-size: 0.9rem; margin-top: 0.2rem; }
    .condition-text { color: var(--muted); }
    .at-a-glance { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; }
    .at-a-glance a { display: block; padding: 0.4rem 0.8rem; border: 1px solid var(--border); border-radius: 6px; background: var(--panel); text-decoration: none; color: var(--fg); }
    .at-a-glance strong { font-size: 1.2rem; color: var(--accent); }
    .diagram { margin: 1rem 0; padding: 0.5rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); }
    .diagram img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
    .diagram-caption { color: var(--muted); font-size: 0.9rem; margin: 0.4rem 0 0; text-align: center; }
    .change { font-size: 0.75rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; white-space: nowrap; }
    .change-added { color: var(--tip); } .change-removed { color: var(--warning); } .change-changed { color: var(--note); }
    del { color: var(--muted); } ins { text-decoration: none; font-weight: 600; }
    .task-list { columns: 2 18rem; padding-left: 1.2rem; }
    .task-list li { break-inside: avoid; margin-bottom: 0.3rem; }
    .counts td:nth-child(n+2), .counts th:nth-child(n+2) { text-align: right; }

    .search-page { display: flex; gap: 0.5rem; max-width: 40rem; margin: 1rem 0; }
    .search-summary { color: var(--muted); }
    .result-group ul { padding-left: 1.2rem; }
    .result-group li { margin: 0.35rem 0; }
    .result-extra { color: var(--muted); }
    .result-snippet { margin: 0.1rem 0 0; font-size: 0.9rem; color: var(--muted); }

    @media (max-width: 48rem) {
      .layout { grid-template-columns: minmax(0, 1fr); }
      .site-nav { min-width: 0; border-right: 0; border-bottom: 1px solid var(--border); padding: 0.5rem 1rem; }
      .site-nav ul { display: flex; gap: 0.25rem; position: static; overflow-x: auto; padding-bottom: 0.25rem; }
      .site-nav li { flex: none; }
      .site-nav a { padding: 0.2rem 0.5rem; border: 1px solid var(--border); white-space: nowrap; }
      .content { padding: 0.5rem 1rem 2rem; }
      h1 { font-size: 1.55rem; }
      .search-form { max-width: none; }
    }

    @media print {
      :root { --bg: #fff; --fg: #000; --muted: #444; --panel: #fff; --border: #999; --link: #000; --link-visited: #000; }
      .banner, .site-nav, .skip-link, .footer, .heading-link, .search-page, .fact-links, .page-contents { display: none; }
      .layout { display: block; }
      .content { padding: 0; }
      .table-wrap { overflow: visible; border: 0; }
      a.external::after { content: " (" attr(href) ")"; font-size: 0.85em; }
      tr, li, .alert, pre { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
    }
    """
}

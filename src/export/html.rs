//! The HTML of the exported site: its stylesheet, the index of topics and one page per content
//! page, in the kiosk's words, colours, fonts and type sizes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::escape::escape_html;
use super::svg::diagram_svg;
use crate::content::diagram::Diagram;
use crate::content::model::{Block, FigureSource, Link, Page};
use crate::content::{Language, PageRef};
use crate::theme::{Rgb, Theme};

/// The file name of a content page in the site: `<page id>.html`.
pub fn page_file_name(page_id: &str) -> String {
    format!("{page_id}.html")
}

/// Where a page's Back and Next links go (file names; `index.html` before the first page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageLinks {
    /// The page before, or the index.
    pub back: String,
    /// The page after, if there is one.
    pub next: Option<String>,
}

/// What a page needs besides itself to be written.
pub struct PageContext<'a> {
    /// The page's language.
    pub language: &'a Language,
    /// Where the page is.
    pub at: PageRef,
    /// Every diagram's drawing, by id.
    pub diagrams: &'a BTreeMap<String, Diagram>,
    /// Phone numbers by id.
    pub phones: &'a BTreeMap<String, String>,
    /// The design tokens.
    pub theme: &'a Theme,
}

fn hex(Rgb([r, g, b]): Rgb) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// The site's stylesheet (`kiosk.css`): the kiosk's fonts (from `fonts/`), colours and type
/// sizes, a centred column and, as on the kiosk, a bar across the bottom with Back at its left
/// and Next at its right.
pub fn stylesheet(theme: &Theme) -> String {
    let colors = &theme.colors;
    let sizes = &theme.sizes;
    format!(
        "@font-face {{ font-family: \"Kiosk\"; src: url(\"fonts/{body}.ttf\"); font-weight: 400; }}\n\
@font-face {{ font-family: \"Kiosk\"; src: url(\"fonts/{bold}.ttf\"); font-weight: 700; }}\n\
html, body {{ margin: 0; background: {background}; color: {text}; font-family: \"Kiosk\", sans-serif; font-size: {body_pt}px; line-height: 1.35; }}\n\
main {{ max-width: {column}px; margin: 0 auto; padding: {margin}px {margin}px {bottom}px; }}\n\
main.home {{ max-width: {home}px; }}\n\
header {{ display: flex; align-items: center; justify-content: space-between; height: {bar}px; padding: 0 {margin}px; background: {surface}; border-bottom: 2px solid {border}; }}\n\
header .clinic {{ font-weight: 700; font-size: {body_pt}px; }}\n\
header .progress {{ color: {muted}; font-size: {small_pt}px; }}\n\
h1 {{ font-size: {title_pt}px; margin: 0 0 {gap}px; }}\n\
h2 {{ font-size: {heading_pt}px; margin: {gap}px 0 {item}px; }}\n\
p {{ margin: 0 0 {gap}px; }}\n\
.subtitle {{ color: {muted}; }}\n\
ul {{ margin: 0 0 {gap}px; padding-left: 1.2em; }} li {{ margin-bottom: {item}px; }}\n\
.key-fact {{ background: {key_fact}; border: {accent_stroke}px solid {key_fact_border}; border-radius: {radius}px; padding: {pad}px; margin-bottom: {gap}px; }}\n\
.key-fact .fact {{ font-weight: 700; font-size: {key_fact_pt}px; display: block; }}\n\
table {{ border-collapse: collapse; width: 100%; margin-bottom: {gap}px; background: {surface}; }}\n\
th, td {{ border: 2px solid {border}; padding: {item}px; text-align: left; vertical-align: top; }}\n\
th {{ background: {table_header}; }} tr:nth-child(even) td {{ background: {table_stripe}; }}\n\
caption {{ text-align: left; font-weight: 700; margin-bottom: {item}px; }}\n\
figure {{ margin: 0 0 {gap}px; }} figcaption {{ color: {muted}; font-size: {small_pt}px; margin-top: {item}px; }}\n\
svg.diagram, figure img {{ display: block; width: 100%; max-height: {figure}px; background: #FFFFFF; border: 2px solid {border}; border-radius: {radius}px; }}\n\
.contact {{ background: {surface}; border: 2px solid {border}; border-radius: {radius}px; padding: {pad}px; margin-bottom: {gap}px; }}\n\
.contact h2 {{ margin-top: 0; }} .phone {{ font-weight: 700; }}\n\
a.button {{ display: inline-flex; align-items: center; justify-content: center; min-height: {button}px; min-width: {button_min}px; padding: 0 {pad}px; margin: 0 {item}px {item}px 0; box-sizing: border-box; border-radius: {radius}px; font-weight: 700; font-size: {button_pt}px; text-decoration: none; background: {accent}; color: {on_accent}; }}\n\
a.button.secondary {{ background: {secondary}; color: {on_secondary}; }}\n\
.tiles {{ display: grid; grid-template-columns: repeat(auto-fill, minmax({tile_w}px, 1fr)); gap: {gap}px; }}\n\
a.tile {{ display: block; min-height: {tile_h}px; padding: {pad}px; box-sizing: border-box; background: {surface}; border: 2px solid {border}; border-radius: {radius}px; color: {text}; text-decoration: none; }}\n\
a.tile .title {{ display: block; font-weight: 700; font-size: {tile_pt}px; }} a.tile .subtitle {{ display: block; margin-top: {item}px; }}\n\
nav.bar {{ position: fixed; left: 0; right: 0; bottom: 0; height: {bar}px; background: {surface}; border-top: 2px solid {border}; }}\n\
nav.bar .inner {{ height: 100%; padding: 0 {margin}px; display: flex; align-items: center; justify-content: space-between; }}\n\
nav.bar a.button {{ margin: 0; }}\n",
        body = theme.fonts.body,
        bold = theme.fonts.bold,
        background = hex(colors.background),
        text = hex(colors.text),
        muted = hex(colors.text_muted),
        surface = hex(colors.surface),
        border = hex(colors.border),
        accent = hex(colors.accent),
        on_accent = hex(colors.on_accent),
        secondary = hex(colors.secondary),
        on_secondary = hex(colors.on_secondary),
        key_fact = hex(colors.key_fact),
        key_fact_border = hex(colors.key_fact_border),
        table_header = hex(colors.table_header),
        table_stripe = hex(colors.table_stripe),
        body_pt = sizes.body_pt,
        small_pt = sizes.small_pt,
        heading_pt = sizes.heading_pt,
        title_pt = sizes.title_pt,
        key_fact_pt = sizes.key_fact_pt,
        button_pt = sizes.button_text_pt,
        tile_pt = sizes.tile_title_pt,
        column = sizes.content_max_width_pt,
        home = sizes.home_max_width_pt,
        margin = sizes.page_margin_pt,
        bottom = sizes.bar_height_pt + sizes.page_margin_pt,
        bar = sizes.bar_height_pt,
        gap = sizes.block_spacing_pt,
        item = sizes.item_spacing_pt,
        pad = sizes.card_padding_pt,
        radius = sizes.corner_radius_pt,
        accent_stroke = sizes.accent_stroke_pt,
        figure = sizes.figure_height_pt,
        button = sizes.button_height_pt,
        button_min = sizes.button_min_width_pt,
        tile_w = sizes.tile_min_width_pt,
        tile_h = sizes.tile_min_height_pt,
    )
}

/// The start of every page: doctype, language, title and stylesheet.
fn head(language: &Language, title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"kiosk.css\">\n</head>\n<body>\n",
        escape_html(&language.code),
        escape_html(title)
    )
}

/// The clinic's bar at the top, with an optional line at its right.
fn header(language: &Language, right: &str) -> String {
    format!(
        "<header><span class=\"clinic\">{}, {}</span><span class=\"progress\">{}</span></header>\n",
        escape_html(&language.clinic.name),
        escape_html(&language.clinic.department),
        escape_html(right)
    )
}

/// `index.html`: the home title, its subtitle and one tile per topic linking to its first page.
pub fn index_html(language: &Language) -> String {
    let interface = &language.interface;
    let mut out = head(language, &interface.home_title);
    out.push_str(&header(language, ""));
    let _ = write!(
        out,
        "<main class=\"home\">\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n<div class=\"tiles\">\n",
        escape_html(&interface.home_title),
        escape_html(&interface.home_subtitle)
    );
    for (number, topic) in language.topics.iter().enumerate() {
        let Some(first) = topic.pages.first() else {
            continue;
        };
        let _ = writeln!(
            out,
            "<a class=\"tile\" href=\"{}\"><span class=\"title\">{}. {}</span>\
             <span class=\"subtitle\">{}</span></a>",
            escape_html(&page_file_name(&first.id)),
            number + 1,
            escape_html(&topic.title),
            escape_html(&topic.subtitle)
        );
    }
    out.push_str("</div>\n</main>\n</body>\n</html>\n");
    out
}

/// One content page: the topic and "Page 1 of 3" at the top, the page's blocks, and Back and
/// Next at the bottom.
pub fn page_html(page: &Page, context: &PageContext<'_>, links: &PageLinks) -> String {
    let language = context.language;
    let topic_title = language
        .topics
        .get(context.at.topic)
        .map_or("", |topic| topic.title.as_str());
    let mut out = head(language, &page.title);
    out.push_str(&header(
        language,
        &format!("{topic_title} \u{2014} {}", language.page_of(context.at)),
    ));
    let _ = writeln!(out, "<main>\n<h1>{}</h1>", escape_html(&page.title));
    for block in &page.blocks {
        block_html(&mut out, block, page, context);
    }
    let interface = &language.interface;
    let _ = write!(
        out,
        "</main>\n<nav class=\"bar\"><div class=\"inner\">\
         <a class=\"button secondary\" id=\"back\" href=\"{}\">{}</a>",
        escape_html(&links.back),
        escape_html(&interface.back)
    );
    if let Some(next) = &links.next {
        let _ = write!(
            out,
            "<a class=\"button\" id=\"next\" href=\"{}\">{}</a>",
            escape_html(next),
            escape_html(&interface.next)
        );
    }
    out.push_str("</div></nav>\n</body>\n</html>\n");
    out
}

/// One block of a page as HTML.
fn block_html(out: &mut String, block: &Block, page: &Page, context: &PageContext<'_>) {
    match block {
        Block::Heading(text) => {
            let _ = writeln!(out, "<h2>{}</h2>", escape_html(text));
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "<p>{}</p>", escape_html(text));
        }
        Block::Bullets(items) => {
            out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", escape_html(item));
            }
            out.push_str("</ul>\n");
        }
        Block::KeyFact { title, text } => {
            let _ = writeln!(
                out,
                "<div class=\"key-fact\"><span class=\"fact\">{}</span>{}</div>",
                escape_html(title),
                escape_html(text)
            );
        }
        Block::Table {
            caption,
            columns,
            rows,
        } => table_html(out, caption.as_deref(), columns, rows),
        Block::Figure {
            source,
            alt,
            caption,
            ..
        } => figure_html(out, source, alt, caption.as_deref(), context),
        Block::Contact {
            title,
            phones,
            note,
        } => contact_html(out, title, phones, note.as_deref(), context),
        Block::GoTo(links) => goto_html(out, links, context.language),
        Block::QrCode { caption } => {
            // The code itself is for phones at the kiosk; the site shows what it holds.
            let payload = crate::content::qr_payload(page, context.language, context.phones);
            let _ = writeln!(
                out,
                "<figure class=\"qr\"><pre>{}</pre><figcaption>{}</figcaption></figure>",
                escape_html(&payload),
                escape_html(caption)
            );
        }
    }
}

fn table_html(out: &mut String, caption: Option<&str>, columns: &[String], rows: &[Vec<String>]) {
    out.push_str("<table>\n");
    if let Some(caption) = caption {
        let _ = writeln!(out, "<caption>{}</caption>", escape_html(caption));
    }
    out.push_str("<tr>");
    for column in columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape_html(column));
    }
    out.push_str("</tr>\n");
    for row in rows {
        out.push_str("<tr>");
        for (index, cell) in row.iter().enumerate() {
            let tag = if index == 0 { "th scope=\"row\"" } else { "td" };
            let close = if index == 0 { "th" } else { "td" };
            let _ = write!(out, "<{tag}>{}</{close}>", escape_html(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

fn figure_html(
    out: &mut String,
    source: &FigureSource,
    alt: &str,
    caption: Option<&str>,
    context: &PageContext<'_>,
) {
    out.push_str("<figure>");
    match source {
        FigureSource::Diagram(id) => match context.diagrams.get(id) {
            Some(diagram) => out.push_str(&diagram_svg(
                diagram,
                context.language.diagram_texts.get(id),
                context.theme,
                alt,
            )),
            None => {
                let _ = write!(out, "<p>{}</p>", escape_html(alt));
            }
        },
        FigureSource::Image(file) => {
            let _ = write!(
                out,
                "<img src=\"images/{}\" alt=\"{}\">",
                escape_html(file),
                escape_html(alt)
            );
        }
    }
    if let Some(caption) = caption {
        let _ = write!(out, "<figcaption>{}</figcaption>", escape_html(caption));
    }
    out.push_str("</figure>\n");
}

fn contact_html(
    out: &mut String,
    title: &str,
    phones: &[String],
    note: Option<&str>,
    context: &PageContext<'_>,
) {
    let _ = write!(
        out,
        "<div class=\"contact\"><h2>{}</h2>",
        escape_html(title)
    );
    for id in phones {
        let number = context.phones.get(id).map_or("", String::as_str);
        let label = context
            .language
            .clinic
            .phone_labels
            .get(id)
            .map_or("", String::as_str);
        let _ = write!(
            out,
            "<p>{} <a class=\"phone\" href=\"tel:{}\">{}</a></p>",
            escape_html(label),
            escape_html(&number.replace('.', "")),
            escape_html(number)
        );
    }
    if let Some(note) = note {
        let _ = write!(out, "<p>{}</p>", escape_html(note));
    }
    out.push_str("</div>\n");
}

fn goto_html(out: &mut String, links: &[Link], language: &Language) {
    out.push_str("<p>");
    for link in links {
        let href = language
            .resolve(&link.to)
            .and_then(|at| language.page(at))
            .map_or_else(|| "index.html".to_owned(), |page| page_file_name(&page.id));
        let _ = write!(
            out,
            "<a class=\"button\" href=\"{}\">{}</a>",
            escape_html(&href),
            escape_html(&link.label)
        );
    }
    out.push_str("</p>\n");
}

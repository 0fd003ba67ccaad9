package org.govflow.documents;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * Texts people wrote, as HTML a page may show: Markdown rendered by CommonMark (with GitHub's
 * tables), plain text kept as it was typed; the result always goes through the OWASP sanitizer, so
 * that no script, style, frame or event handler from a text reaches a page. Headings start at level
 * 3, under the page's own h1 and h2. For any module showing a text written by a person.
 */
public final class SafeHtml {

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          // raw HTML in the Markdown is shown as text, not interpreted
          .escapeHtml(true)
          .sanitizeUrls(true)
          .build();

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowCommonBlockElements()
          .allowCommonInlineFormattingElements()
          .allowElements(
              "p",
              "br",
              "hr",
              "pre",
              "code",
              "blockquote",
              "ul",
              "ol",
              "li",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "del",
              "ins",
              "em",
              "strong",
              "div")
          .allowElements((name, attrs) -> "h3", "h1")
          .allowElements((name, attrs) -> "h4", "h2")
          .allowElements((name, attrs) -> "h5", "h3")
          .allowElements((name, attrs) -> "h6", "h4", "h5", "h6")
          .allowAttributes("start")
          .onElements("ol")
          .allowAttributes("align")
          .onElements("th", "td")
          .allowAttributes("class")
          .matching(false, "plain-text")
          .onElements("div")
          .allowElements("a")
          .allowStandardUrlProtocols()
          .allowAttributes("href")
          .onElements("a")
          .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
          .toFactory();

  private SafeHtml() {}

  /** A Markdown text as safe HTML. */
  public static String markdown(String markdown) {
    return sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
  }

  /** A plain text as safe HTML, its line breaks and blank lines kept (class plain-text). */
  public static String plainText(String text) {
    return sanitize(
        "<div class=\"plain-text\">" + HtmlUtils.htmlEscape(text == null ? "" : text) + "</div>");
  }

  /** Any HTML, with only what a text needs kept (paragraphs, lists, tables, links, emphasis). */
  public static String sanitize(String html) {
    return POLICY.sanitize(html);
  }
}

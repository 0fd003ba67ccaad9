package org.govflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafeHtmlTests {

  @Test
  void markdownBecomesHtmlWithHeadingsUnderThePage() {
    String html =
        SafeHtml.markdown(
            "# Right to the city\n\nCities **shall** guarantee:\n\n1. housing\n2. water\n\n"
                + "| a | b |\n|---|---|\n| 1 | 2 |\n\n[charter](https://example.org/c)");
    assertThat(html)
        .contains("<h3>Right to the city</h3>")
        .contains("<strong>shall</strong>")
        .contains("<ol><li>housing</li>")
        .contains("<table>")
        .contains("<td>1</td>")
        .contains("href=\"https://example.org/c\"")
        .contains("nofollow")
        .doesNotContain("<h1>");
  }

  @Test
  void scriptsHandlersAndDangerousLinksNeverReachThePage() {
    String html =
        SafeHtml.markdown(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "[click](javascript:alert(3))\n\n<iframe src=\"https://evil\"></iframe>");
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<iframe")
        .doesNotContain("javascript:")
        // raw HTML is shown as text, escaped
        .contains("&lt;script&gt;");
  }

  @Test
  void plainTextKeepsItsLinesAndIsEscaped() {
    String html = SafeHtml.plainText("Line one\nLine <two> & three");
    assertThat(html)
        .isEqualTo("<div class=\"plain-text\">Line one\nLine &lt;two&gt; &amp; three</div>");
  }

  @Test
  void wordDiffMarksTheChangedWordsOnly() {
    List<WordDiff.Line> lines =
        WordDiff.compare(
            "Cities should guarantee housing.\nSame.", "Cities shall guarantee housing.\nSame.");
    assertThat(lines).hasSize(2);
    WordDiff.Line changed = lines.get(0);
    assertThat(changed.change()).isEqualTo(WordDiff.Change.CHANGED);
    assertThat(changed.before()).isEqualTo("Cities <del>should</del> guarantee housing.");
    assertThat(changed.after()).isEqualTo("Cities <ins>shall</ins> guarantee housing.");
    assertThat(lines.get(1).change()).isEqualTo(WordDiff.Change.SAME);
  }

  @Test
  void wordDiffEscapesTheTextAndFoldsLongUnchangedRuns() {
    StringBuilder before = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      before.append("line ").append(i).append('\n');
    }
    String after = before.toString().replace("line 15\n", "line <15> & more\n");
    List<WordDiff.Line> lines = WordDiff.compare(before.toString(), after);
    assertThat(lines.get(0).change()).isEqualTo(WordDiff.Change.FOLDED);
    assertThat(lines.get(0).folded()).isEqualTo(11);
    WordDiff.Line changed = lines.stream().filter(WordDiff.Line::changed).findFirst().orElseThrow();
    assertThat(changed.after()).contains("&lt;</ins>15<ins>&gt; &amp; more").doesNotContain("<15>");
    assertThat(changed.afterNumber()).isEqualTo(15);
    assertThat(WordDiff.compare("same", "same")).isEmpty();
  }
}

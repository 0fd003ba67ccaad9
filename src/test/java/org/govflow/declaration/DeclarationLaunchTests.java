package org.govflow.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.govflow.documents.Document;
import org.govflow.documents.Documents;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.WebSession;
import org.govflow.workflow.Participant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The launch with the zero draft as a file, over the API and on the page: Markdown and a real Word
 * document (its automatic list numbers kept) are read and kept as the process's document; a wrong
 * type, an oversized or empty file, a text that does not split into paragraphs, or a draft given
 * twice are refused with what to fix, and nothing is created.
 */
@MailIntegrationTest
class DeclarationLaunchTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Participant OFFICER =
      new Participant("officer", Set.of("secretariat"), true);

  @LocalServerPort int port;
  @Autowired Documents documents;

  private WebSession web;

  @BeforeEach
  void setUp() {
    web = new WebSession(port);
  }

  @Test
  void aMarkdownDraftIsReadAndKeptAsTheProcessDocument() throws Exception {
    String md = "# From Markdown\n\n1. We gather.\n\n2bis. Cities act.\n3. Together.\n";
    HttpResponse<String> r =
        launch("From Markdown", "draft.md", md.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode started = JSON.readTree(r.body());
    JsonNode d = get("/api/v1/declarations/" + started.path("businessKey").asText());
    assertThat(d.findValues("number").stream().limit(3).map(JsonNode::asText))
        .containsExactly("1", "2bis", "3");
    assertThat(d.path("paragraphs").get(1).path("text").asText()).isEqualTo("Cities act.");
    List<Document> kept = documents.of(OFFICER, started.path("id").asText());
    assertThat(kept).hasSize(1);
    assertThat(kept.get(0).versions().get(0).fileName()).isEqualTo("draft.md");
  }

  @Test
  void aWordDraftKeepsItsNumberedParagraphs() throws Exception {
    HttpResponse<String> r =
        launch(
            "From Word",
            "draft.docx",
            docx(
                "The Word Declaration",
                List.of("We, cities, gather.", "We act together.", "We meet again.")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode started = JSON.readTree(r.body());
    JsonNode d = get("/api/v1/declarations/" + started.path("businessKey").asText());
    List<String> paragraphs = new ArrayList<>();
    d.path("paragraphs")
        .forEach(p -> paragraphs.add(p.path("number").asText() + " " + p.path("text").asText()));
    assertThat(paragraphs)
        .containsExactly("1 We, cities, gather.", "2 We act together.", "3 We meet again.");
    assertThat(documents.of(OFFICER, started.path("id").asText()))
        .singleElement()
        .satisfies(
            doc ->
                assertThat(doc.versions().get(0).mediaType())
                    .isEqualTo(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
  }

  @Test
  void refusalsSayWhatToFixAndCreateNothing() throws Exception {
    int before = get("/api/v1/declarations").size();

    HttpResponse<String> pdf =
        launch("Wrong type", "draft.pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes());
    assertRefused(pdf, 415, ".docx");

    byte[] big = new byte[2 * 1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    assertRefused(launch("Too large", "draft.txt", big), 413, "2048");

    assertRefused(launch("Empty", "draft.md", new byte[0]), 400, "draft.md");

    assertRefused(
        launch(
            "Prose",
            "draft.txt",
            "Just prose, with no numbered paragraph at all.".getBytes(StandardCharsets.UTF_8)),
        400,
        "numbered");

    assertRefused(launch("Prose in Word", "draft.docx", docx(null, List.of())), 400, "draft.docx");

    List<Map.Entry<String, String>> both = new ArrayList<>(fields("Both"));
    both.add(Map.entry("draft", "1. One.\n2. Two."));
    assertRefused(
        web.postMultipart(
            "/api/v1/declarations",
            both,
            "draftFile",
            "draft.md",
            "1. One.\n2. Two.".getBytes(StandardCharsets.UTF_8),
            api()),
        400,
        "not both");

    assertThat(get("/api/v1/declarations").size()).isEqualTo(before);
  }

  @Test
  void thePageTakesAFileAndShowsWhatToFixInTheReadersLanguage() {
    web.login("officer", "demo");
    HttpResponse<String> page = web.get("/declarations/new");
    assertThat(page.statusCode()).isEqualTo(200);
    String csrf = WebSession.csrfToken(page.body());
    List<Map.Entry<String, String>> form = new ArrayList<>(fields("Page launch"));
    form.add(Map.entry("_csrf", csrf));
    HttpResponse<String> refused =
        web.postMultipart(
            "/declarations/new?lang=fr",
            form,
            "draftFile",
            "draft.txt",
            "No numbers here.".getBytes(StandardCharsets.UTF_8),
            Map.of());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Le texte de draft.txt ne se découpe pas en paragraphes numérotés")
        .contains("value=\"Page launch\"");
    HttpResponse<String> launched =
        web.postMultipart(
            "/declarations/new",
            form,
            "draftFile",
            "draft.md",
            "1. We gather in Daejeon.\n2. We act together.\n".getBytes(StandardCharsets.UTF_8),
            Map.of());
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(302);
    assertThat(launched.headers().firstValue("Location").orElseThrow())
        .containsPattern("/declarations/DECL-\\d{4}-\\d{3}$");
  }

  private HttpResponse<String> launch(String title, String fileName, byte[] content) {
    return web.postMultipart(
        "/api/v1/declarations", fields(title), "draftFile", fileName, content, api());
  }

  private static List<Map.Entry<String, String>> fields(String title) {
    return List.of(
        Map.entry("title", title),
        Map.entry("language", "en"),
        Map.entry("groups", "section-africa"),
        Map.entry("groups", "section-europe"),
        Map.entry("rounds", "1"),
        Map.entry("roundDays", "10"));
  }

  private static Map<String, String> api() {
    return Map.of(
        "Authorization", WebSession.basic("officer", "demo"), "Accept", "application/json");
  }

  private JsonNode get(String path) throws IOException {
    HttpResponse<String> r = web.send("GET", path, api(), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static void assertRefused(HttpResponse<String> r, int status, String says)
      throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode problem = JSON.readTree(r.body());
    assertThat(problem.path("detail").asText()).as(r.body()).contains(says);
    assertThat(problem.path("errors").toString()).as(r.body()).contains("draftFile");
  }

  /**
   * A Word document as Word writes one: a title, then the paragraphs as items of an automatic
   * numbered list (their numbers are not in their text).
   */
  static byte[] docx(String title, List<String> paragraphs) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (title != null) {
        XWPFParagraph heading = doc.createParagraph();
        heading.setStyle("Title");
        heading.createRun().setText(title);
      }
      XWPFNumbering numbering = doc.createNumbering();
      CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
      abstractNum.setAbstractNumId(BigInteger.ZERO);
      CTLvl level = abstractNum.addNewLvl();
      level.setIlvl(BigInteger.ZERO);
      level.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
      level.addNewLvlText().setVal("%1.");
      level.addNewStart().setVal(BigInteger.ONE);
      BigInteger list =
          numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum)));
      for (String text : paragraphs) {
        XWPFParagraph p = doc.createParagraph();
        p.setNumID(list);
        p.setNumILvl(BigInteger.ZERO);
        p.createRun().setText(text);
      }
      if (paragraphs.isEmpty()) {
        doc.createParagraph().createRun().setText("Prose without any number.");
      }
      doc.write(out);
      return out.toByteArray();
    }
  }
}

package org.govflow.decisions.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.govflow.decisions.DecisionFilter;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.DecisionSettings;
import org.govflow.decisions.DecisionViewer;
import org.govflow.directory.Directory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The published decisions as feeds beside the public page, for websites and feed readers: Atom (RFC
 * 4287, written with the JDK's XML writer) and JSON Feed 1.1. Newest first; corrected decisions
 * give way to their corrections; off, like the page, unless the installation switches the public
 * page on. Texts in the reader's language (Accept-Language).
 */
@RestController
class PublicDecisionFeeds {

  static final int ENTRIES = 100;
  private static final DecisionViewer PUBLIC = new DecisionViewer(Set.of(), false);
  private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml");
  private static final MediaType JSON_FEED = MediaType.parseMediaType("application/feed+json");

  private final DecisionRegister register;
  private final Directory directory;
  private final DecisionSettings settings;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final String baseUrl;

  PublicDecisionFeeds(
      DecisionRegister register,
      Directory directory,
      DecisionSettings settings,
      MessageSource messages,
      ObjectMapper json,
      @Value("${govflow.base-url:}") String baseUrl) {
    this.register = register;
    this.directory = directory;
    this.settings = settings;
    this.messages = messages;
    this.json = json;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @GetMapping("/public/decisions.atom")
  ResponseEntity<String> atom(Locale locale) throws XMLStreamException {
    List<DecisionView> decisions = published(locale);
    String base = base();
    StringWriter out = new StringWriter();
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("feed");
    xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
    xml.writeAttribute("xml:lang", locale.toLanguageTag());
    element(xml, "id", base + "/public/decisions");
    element(xml, "title", text("decisions.public.title", locale));
    element(xml, "updated", timestamp(updated(decisions)));
    link(xml, "alternate", "text/html", base + "/public/decisions");
    link(xml, "self", ATOM.toString(), base + "/public/decisions.atom");
    xml.writeStartElement("author");
    element(xml, "name", "govflow");
    xml.writeEndElement();
    for (DecisionView d : decisions) {
      xml.writeStartElement("entry");
      element(xml, "id", entryId(base, d));
      element(xml, "title", d.subject());
      element(xml, "updated", timestamp(d.decidedAt()));
      element(xml, "published", timestamp(d.decidedAt()));
      link(xml, "alternate", "text/html", base + "/public/decisions#decision-" + d.id());
      xml.writeStartElement("category");
      xml.writeAttribute("term", d.outcome());
      xml.writeAttribute("label", outcome(d, locale));
      xml.writeEndElement();
      element(xml, "summary", summary(d, locale));
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    return ResponseEntity.ok().contentType(ATOM).body(out.toString());
  }

  @GetMapping("/public/decisions.json")
  ResponseEntity<String> jsonFeed(Locale locale) throws Exception {
    List<DecisionView> decisions = published(locale);
    String base = base();
    Map<String, Object> feed = new LinkedHashMap<>();
    feed.put("version", "https://jsonfeed.org/version/1.1");
    feed.put("title", text("decisions.public.title", locale));
    feed.put("home_page_url", base + "/public/decisions");
    feed.put("feed_url", base + "/public/decisions.json");
    feed.put("language", locale.toLanguageTag());
    List<Map<String, Object>> items = new ArrayList<>();
    for (DecisionView d : decisions) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", entryId(base, d));
      item.put("url", base + "/public/decisions#decision-" + d.id());
      item.put("title", d.subject());
      item.put("content_text", summary(d, locale));
      item.put("date_published", timestamp(d.decidedAt()));
      item.put("tags", List.of(outcome(d, locale), d.bodyName()));
      // what a website may show besides the text: the register's own fields
      Map<String, Object> register = new LinkedHashMap<>();
      register.put("id", d.id());
      register.put("body", d.bodyId());
      register.put("outcome", d.outcome());
      register.put("businessKey", d.businessKey());
      register.put("hash", d.hash());
      item.put("_govflow", register);
      items.add(item);
    }
    feed.put("items", items);
    return ResponseEntity.ok().contentType(JSON_FEED).body(json.writeValueAsString(feed));
  }

  private List<DecisionView> published(Locale locale) {
    if (!settings.publicPage()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return register.list(DecisionFilter.all(), PUBLIC, ENTRIES).stream()
        .filter(d -> d.correctedBy() == null)
        .map(d -> DecisionView.of(d, directory, locale))
        .toList();
  }

  private String base() {
    return baseUrl.isBlank()
        ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
        : baseUrl;
  }

  private static String entryId(String base, DecisionView d) {
    return base + "/public/decisions#decision-" + d.id();
  }

  private static Instant updated(List<DecisionView> decisions) {
    return decisions.stream()
        .map(DecisionView::decidedAt)
        .max(Instant::compareTo)
        .orElse(Instant.EPOCH);
  }

  private String outcome(DecisionView d, Locale locale) {
    return messages.getMessage("decisions.outcome." + d.outcome(), null, d.outcome(), locale);
  }

  private String summary(DecisionView d, Locale locale) {
    String text = d.bodyName() + " · " + outcome(d, locale);
    if (d.votes() != null) {
      text +=
          " · "
              + messages.getMessage(
                  "decisions.votes.detail",
                  new Object[] {
                    d.votes().inFavour(),
                    d.votes().against(),
                    d.votes().abstain(),
                    d.votes().absent()
                  },
                  locale);
    }
    return text;
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text == null ? "" : text);
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String type, String href)
      throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", href);
  }
}

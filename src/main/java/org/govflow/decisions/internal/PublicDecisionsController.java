package org.govflow.decisions.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.DecisionFilter;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.DecisionSettings;
import org.govflow.decisions.DecisionViewer;
import org.govflow.directory.Directory;
import org.govflow.documents.DocumentContent;
import org.govflow.documents.DocumentVersion;
import org.govflow.documents.Documents;
import org.govflow.documents.PublishedDocument;
import org.govflow.web.Refusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The published decisions and documents for everyone, when the installation switches the page on.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublicDecisionsController {

  private static final DecisionViewer PUBLIC = new DecisionViewer(Set.of(), false);

  private final DecisionRegister register;
  private final Directory directory;
  private final DecisionSettings settings;
  private final Documents documents;

  @GetMapping("/public/decisions")
  String published(Locale locale, TimeZone zone, Model model) {
    if (!settings.publicPage()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    List<DecisionView> decisions =
        register.list(DecisionFilter.all(), PUBLIC, 500).stream()
            .filter(d -> d.correctedBy() == null)
            .map(d -> DecisionView.of(d, directory, locale))
            .toList();
    model.addAttribute("decisions", decisions);
    List<PublishedDocument> published = documents.published(500);
    model.addAttribute("documents", published);
    // a process's published texts beside its decision (an adopted declaration in each language)
    Map<String, List<PublishedDocument>> texts = new HashMap<>();
    for (PublishedDocument d : published) {
      if (d.processInstanceId() != null) {
        texts.computeIfAbsent(d.processInstanceId(), k -> new ArrayList<>()).add(0, d);
      }
    }
    model.addAttribute("texts", texts);
    model.addAttribute("zone", zone.toZoneId());
    return "decisions/public";
  }

  /**
   * A published document version, for anyone, while the public page is on. Anything else (an
   * unpublished or unknown version, or the page switched off) is not found, so that nobody learns
   * what exists.
   */
  @GetMapping("/public/documents/{id}/versions/{n}")
  ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String n) {
    if (!settings.publicPage() || !n.matches("[1-9][0-9]{0,8}")) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    DocumentContent content;
    try {
      content = documents.publishedContent(id, Integer.parseInt(n));
    } catch (Refusal refusal) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    DocumentVersion v = content.version();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(v.mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(v.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-SHA256", v.sha256())
        .header("X-Content-Type-Options", "nosniff")
        .body(content.bytes());
  }
}

package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.Decision;
import org.govflow.declaration.internal.DeclarationRepository.Publication;
import org.govflow.declaration.internal.DeclarationRepository.Row;
import org.govflow.declaration.internal.DeclarationRepository.StoredVersion;
import org.govflow.documents.DocumentVersion;
import org.govflow.documents.Documents;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Publication on adoption: the adopted version in the authentic language and each translation
 * become published documents of the process (Markdown, one file per language), each naming the
 * General Assembly's register entry and the SHA-256 of the authentic version that entry holds; the
 * public decisions page shows them beside the decision, the declaration's page beside its text.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeclarationPublications {

  private final DeclarationRepository repository;
  private final DeclarationTexts texts;
  private final Documents documents;
  private final MessageSource messages;

  /** Publishes every language of the current version; publishing twice changes nothing. */
  List<Publication> publish(String processInstanceId, Decision adoption) {
    List<Publication> done = repository.publications(processInstanceId);
    if (!done.isEmpty()) {
      return done;
    }
    Row row = texts.declaration(processInstanceId);
    StoredVersion current = texts.current(processInstanceId);
    String authenticSha256 = current.text().sha256();
    List<StoredVersion> adopted =
        repository.versions(processInstanceId).stream()
            .filter(v -> v.number() == current.number())
            .sorted(
                Comparator.comparing(
                    (StoredVersion v) -> !v.text().language().equals(row.authenticLanguage())))
            .toList();
    for (StoredVersion v : adopted) {
      String language = v.text().language();
      Locale locale = Locale.forLanguageTag(language);
      String fileName =
          row.title() + " (" + message("declaration.language.own." + language, locale) + ").md";
      byte[] content =
          markdown(row, v, adoption.id(), authenticSha256).getBytes(StandardCharsets.UTF_8);
      DocumentVersion published =
          documents.publishNew(processInstanceId, fileName, content, SYSTEM);
      repository.publication(
          processInstanceId,
          new Publication(
              language,
              v.number(),
              v.text().sha256(),
              authenticSha256,
              adoption.id(),
              published.documentId(),
              published.version(),
              published.fileName(),
              published.sha256(),
              published.publishedAt()));
    }
    return repository.publications(processInstanceId);
  }

  /**
   * The text as published: its title, the register entry and the authentic version's SHA-256, and
   * the numbered paragraphs, in the version's language.
   */
  String markdown(Row row, StoredVersion version, long decisionId, String authenticSha256) {
    String language = version.text().language();
    Locale locale = Locale.forLanguageTag(language);
    StringBuilder out = new StringBuilder();
    out.append("# ").append(row.title()).append("\n\n");
    out.append(message("declaration.publication.adopted", locale, String.valueOf(decisionId)))
        .append("\n\n");
    boolean authentic = language.equals(row.authenticLanguage());
    out.append(
            authentic
                ? message(
                    "declaration.publication.authentic",
                    locale,
                    message("declaration.language." + language, locale))
                : message(
                    "declaration.publication.translation",
                    locale,
                    message("declaration.language." + row.authenticLanguage(), locale)))
        .append("\n")
        .append(message("declaration.publication.sha256", locale, authenticSha256))
        .append("\n\n");
    for (Paragraph p : version.text().paragraphs()) {
      out.append(p.number()).append(". ").append(p.text()).append("\n\n");
    }
    return out.toString().strip() + "\n";
  }

  private String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}

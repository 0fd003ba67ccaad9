package org.govflow.documents;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.web.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The documents' texts for templates, as the signed-in reader may see them: {@code
 * ${@documentTexts.text(#authentication, id, n)}} and {@code changes(...)}, used by the fragments
 * in {@code templates/documents/text.html}, so that any page listing documents shows what they say.
 */
@Component("documentTexts")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DocumentTexts {

  private final Documents documents;

  public DocumentText text(Authentication reader, String documentId, int version) {
    return documents.text(Caller.of(reader).participant(), documentId, version);
  }

  public List<WordDiff.Line> changes(Authentication reader, String documentId, int version) {
    return documents.changes(Caller.of(reader).participant(), documentId, version);
  }
}

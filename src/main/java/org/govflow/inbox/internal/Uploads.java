package org.govflow.inbox.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.documents.Documents;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A document, or a new version of one, uploaded from a task or process page, with the rules of the
 * API (Documents.upload: participants only, size, type checked on the content). A refusal comes
 * back on the page with its status and nothing stored.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Uploads {

  private final Documents documents;

  /** How large a file may be, for the upload forms. */
  long maxMb() {
    return documents.settings().maxSize().toMegabytes();
  }

  /**
   * Stores the upload and goes back to the documents of {@code page}; a refusal renders {@code
   * refusedPage} with its status instead.
   */
  String upload(
      Caller caller,
      String process,
      String documentId,
      MultipartFile file,
      String page,
      Supplier<String> refusedPage,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      documents.upload(
          caller.participant(),
          process,
          PageSupport.blankToNull(documentId),
          file == null ? null : file.getOriginalFilename(),
          content(file));
    } catch (Refusal refusal) {
      response.setStatus(refusal.reason().status());
      model.addAttribute("uploadErrorKey", refusal.messageKey());
      model.addAttribute("uploadErrorArgs", refusal.args());
      return refusedPage.get();
    }
    redirect.addFlashAttribute("notice", "inbox.documents.uploaded");
    return "redirect:" + page + "#documents";
  }

  private static byte[] content(MultipartFile file) {
    try {
      return file == null ? null : file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

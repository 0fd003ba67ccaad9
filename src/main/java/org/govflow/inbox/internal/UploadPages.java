package org.govflow.inbox.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.web.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A document uploaded from a task's page or a process's page, always to the process: one handler
 * for both forms. A refusal shows the page the form was on again, with its status.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UploadPages {

  private final Uploads uploads;
  private final TaskSheet tasks;
  private final TaskPages taskPages;
  private final ProcessPages processPages;

  /**
   * The page shown again after a refusal has its upload form, which says how large a file may be.
   */
  @ModelAttribute("uploadMaxMb")
  long uploadMaxMb() {
    return uploads.maxMb();
  }

  @PostMapping({"/tasks/{id}/documents", "/processes/{id}/documents"})
  String upload(
      @PathVariable String id,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String documentId,
      Caller caller,
      Locale locale,
      ZoneId zone,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    boolean fromTask = request.getRequestURI().startsWith(request.getContextPath() + "/tasks/");
    // only someone who may see the task reaches its process's documents from the task's page
    String process = fromTask ? tasks.of(caller, id, locale).task().processInstanceId() : id;
    return uploads.upload(
        caller,
        process,
        documentId,
        file,
        (fromTask ? "/tasks/" : "/processes/") + id,
        () ->
            fromTask
                ? taskPages.task(id, caller, locale, zone, model)
                : processPages.process(id, caller, locale, zone, model),
        model,
        response,
        redirect);
  }
}

package org.govflow.inbox.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.govflow.directory.Directory;
import org.govflow.documents.DocumentSettings;
import org.govflow.forms.FieldError;
import org.govflow.forms.Forms;
import org.govflow.inbox.Launchpad;
import org.govflow.inbox.ProcessList;
import org.govflow.inbox.TaskList;
import org.govflow.inbox.TaskWork;
import org.govflow.web.Refusal;
import org.govflow.workflow.StartedProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The HTTP mapping of the inbox API alone: paths, bodies, status codes and problem details. The
 * rules behind it are proven against the real engine in InboxApiTests.
 */
@WebMvcTest(controllers = {InboxApiController.class, ProcessApiController.class})
@EnableConfigurationProperties(DocumentSettings.class)
@WithMockUser(username = "officer", roles = "SECRETARIAT")
class InboxApiControllerTests {

  @Autowired MockMvc mvc;
  @MockitoBean Launchpad launchpad;
  @MockitoBean TaskList tasks;
  @MockitoBean TaskWork work;
  @MockitoBean TaskSheet sheet;
  @MockitoBean ProcessList processes;
  @MockitoBean ProcessSheet processSheet;
  @MockitoBean Forms forms;
  @MockitoBean Directory directory;

  @Test
  void launchingAnswers201WithTheBusinessKeyAndWhereTheProcessIs() throws Exception {
    given(launchpad.launch(any(), eq("document-approval"), any(), any(), any()))
        .willReturn(new StartedProcess("p-1", "DOC-2026-001"));

    mvc.perform(
            post("/api/v1/processes")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"processKey\": \"document-approval\", \"values\": {\"title\": \"T\"}}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/processes/p-1"))
        .andExpect(jsonPath("$.id").value("p-1"))
        .andExpect(jsonPath("$.businessKey").value("DOC-2026-001"));
  }

  @Test
  void invalidValuesAre400ProblemDetailsListingTheFields() throws Exception {
    given(launchpad.launch(any(), any(), any(), any(), any()))
        .willThrow(
            new Refusal(
                Refusal.Reason.INVALID,
                List.of(new FieldError("title", "This field is required.")),
                "inbox.problem.invalid"));

    mvc.perform(
            post("/api/v1/processes")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"processKey\": \"document-approval\", \"values\": {}}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Some values are not valid."))
        .andExpect(jsonPath("$.errors[0].field").value("title"))
        .andExpect(jsonPath("$.errors[0].message").value("This field is required."));
  }

  @Test
  void malformedJsonIs400AndNeverReachesTheInbox() throws Exception {
    mvc.perform(
            post("/api/v1/tasks/t-1/complete")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": [1, 2"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(work);
  }

  @Test
  void refusalsMapToTheirStatuses() throws Exception {
    willThrow(new Refusal(Refusal.Reason.CONFLICT, "inbox.problem.taskDone", "Ana"))
        .given(work)
        .complete(any(), eq("done"), any(), any(), any());
    willThrow(new Refusal(Refusal.Reason.FORBIDDEN, "inbox.problem.notYourTask"))
        .given(work)
        .claim(any(), eq("theirs"));
    willThrow(new Refusal(Refusal.Reason.NOT_FOUND, "inbox.problem.unknownTask"))
        .given(work)
        .unclaim(any(), eq("nothing"));

    mvc.perform(
            post("/api/v1/tasks/done/complete")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": {}}"))
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.detail")
                .value("This task has already been completed (by Ana). Nothing was changed."));
    mvc.perform(post("/api/v1/tasks/theirs/claim").with(csrf())).andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/tasks/nothing/unclaim").with(csrf()))
        .andExpect(status().isNotFound());
  }

  @Test
  void unknownInboxFiltersAre400() throws Exception {
    mvc.perform(get("/api/v1/inbox").param("assigned", "everyone"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("assigned"));
    verifyNoInteractions(tasks);
  }
}

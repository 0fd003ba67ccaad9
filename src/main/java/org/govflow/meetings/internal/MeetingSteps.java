package org.govflow.meetings.internal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.meetings.MeetingSettings;
import org.govflow.workflow.CompletedSteps;
import org.govflow.workflow.EngineClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of bpmn/statutory-meeting.bpmn that hand the process's values to one call of the
 * module, each under the name the model gives it. The steps with more to map have their own class.
 */
@Configuration(proxyBeanMethods = false)
class MeetingSteps {

  /** Sends the convocation (or its update) with a calendar invitation to every member. */
  @Bean
  JavaDelegate sendConvocation(Convocations convocations) {
    return x -> convocations.convene(x.getProcessBusinessKey());
  }

  /** Cancels the meeting when the Presidency refuses to waive the notice period. */
  @Bean
  JavaDelegate cancelMeeting(Convocations convocations) {
    return x -> convocations.cancel(x.getProcessBusinessKey());
  }

  /** Records that the meeting lacked quorum and ends without reconvening. */
  @Bean
  JavaDelegate adjournMeeting(Convocations convocations) {
    return x -> convocations.adjourn(x.getProcessBusinessKey());
  }

  /** Keeps a section's or council's proposals when it completes its call for agenda items. */
  @Bean
  TaskListener recordAgendaProposals(Agendas agendas) {
    return task -> {
      agendas.propose(
          task.getExecution().getProcessBusinessKey(),
          (String) task.getVariable(MeetingVariables.CONTRIBUTOR),
          (String) task.getVariable(MeetingVariables.AGENDA_PROPOSALS));
      // the next contributor starts from an empty form
      task.getExecution().getProcessInstance().removeVariable(MeetingVariables.AGENDA_PROPOSALS);
    };
  }

  /**
   * Closes the call: recommendations awaiting the body join the agenda, and the secretariat gets
   * the agenda to consolidate.
   */
  @Bean
  JavaDelegate closeCallForAgendaItems(Agendas agendas) {
    return x -> {
      agendas.addAwaitedDecisions(x.getProcessBusinessKey());
      x.setVariable(MeetingVariables.AGENDA, agendas.agendaText(x.getProcessBusinessKey()));
      recommendations(x, agendas);
    };
  }

  /** Saves the consolidated agenda, with every recommendation awaiting the body by then. */
  @Bean
  JavaDelegate saveAgenda(Agendas agendas) {
    return x -> {
      agendas.consolidate(
          x.getProcessBusinessKey(), (String) x.getVariable(MeetingVariables.AGENDA));
      recommendations(x, agendas);
    };
  }

  /** Circulates the approved agenda; whether it went out after the documents deadline. */
  @Bean
  JavaDelegate circulateAgenda(Agendas agendas) {
    return x -> {
      Date deadline = (Date) x.getVariable(MeetingVariables.DOCUMENTS_DEADLINE);
      x.setVariable(
          MeetingVariables.CIRCULATED_LATE,
          agendas.circulate(x.getProcessBusinessKey(), deadline.toInstant()));
    };
  }

  /** Keeps a member's answer to the convocation: attending, absent, or a proxy. */
  @Bean
  TaskListener recordAttendanceResponse(AttendanceRoll roll) {
    return task -> {
      roll.answer(
          task.getExecution().getProcessBusinessKey(),
          task.getAssignee(),
          (String) task.getVariable(MeetingVariables.ATTENDANCE),
          (String) task.getVariable(MeetingVariables.PROXY_HOLDER));
      var instance = task.getExecution().getProcessInstance();
      instance.removeVariable(MeetingVariables.ATTENDANCE);
      instance.removeVariable(MeetingVariables.PROXY_HOLDER);
    };
  }

  /**
   * Stores the draft minutes as a document version, keeps its id and version rather than the text,
   * and opens the members' review period.
   */
  @Bean
  JavaDelegate storeMinutes(Minutes minutes, MeetingSettings settings) {
    return x -> {
      minutes.draft(
          x.getProcessBusinessKey(),
          (String) x.getVariable(MeetingVariables.MINUTES),
          CompletedSteps.by(x, "DraftMinutes", (String) x.getVariable(MeetingVariables.INITIATOR)));
      x.setVariable(
          MeetingVariables.MINUTES_REVIEW_END,
          Date.from(EngineClock.now().plus(settings.minutesReview())));
    };
  }

  /** Publishes the approved minutes and every decision of the meeting to members. */
  @Bean
  JavaDelegate publishMinutes(Minutes minutes) {
    return x ->
        minutes.publish(
            x.getProcessBusinessKey(), CompletedSteps.by(x, "ApproveMinutes", "system"));
  }

  /** Records who is present and counts them, with the proxies they hold, for the quorum rule. */
  @Bean
  JavaDelegate countAttendance(AttendanceRoll roll) {
    return x -> {
      AttendanceRoll.Count count =
          roll.record(
              x.getProcessBusinessKey(),
              AttendanceRoll.ids(x.getVariable(MeetingVariables.PRESENT_MEMBERS)));
      x.setVariable(MeetingVariables.PRESENT, count.present());
      x.setVariable(MeetingVariables.REPRESENTED, count.represented());
      x.setVariable(MeetingVariables.MEMBERSHIP, count.membership());
    };
  }

  /**
   * Sets the item being decided, and the majority it needs, in its own iteration: the votes typed
   * for it and the rule's outcome stay with it.
   */
  @Bean
  JavaDelegate prepareAgendaItem(Agendas agendas) {
    return x -> {
      long id = ((Number) x.getVariable(MeetingVariables.AGENDA_ITEM)).longValue();
      AgendaItem item =
          agendas.item(id).orElseThrow(() -> new IllegalStateException("No agenda item " + id));
      x.setVariableLocal(MeetingVariables.ITEM_TITLE, item.title());
      x.setVariableLocal(MeetingVariables.MAJORITY, item.statuteChange() ? "two-thirds" : "simple");
      for (String typed :
          new String[] {
            MeetingVariables.VOTES_FOR,
            MeetingVariables.VOTES_AGAINST,
            MeetingVariables.ABSTENTIONS,
            MeetingVariables.OUTCOME
          }) {
        x.setVariableLocal(typed, null);
      }
    };
  }

  private static void recommendations(DelegateExecution execution, Agendas agendas) {
    execution.setVariable(
        MeetingVariables.RECOMMENDATIONS,
        agendas.recommendationsText(execution.getProcessBusinessKey()));
  }
}

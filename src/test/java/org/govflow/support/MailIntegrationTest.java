package org.govflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link IntegrationTest}, with a real SMTP server ({@link TestMailServer}) and a deadline
 * policy and calendar the deadline and notification tests rely on: a holiday on Tuesday 8 December
 * 2026, three working days to review a document, reminders 3 working days before and on the due
 * day, escalations after 2 and 7 working days, a sender that polls and backs off quickly. All such
 * tests share one cached application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "govflow.deadlines.holidays=2026-12-08",
      "govflow.deadlines.rules[0].process=document-approval",
      "govflow.deadlines.rules[0].task=ReviewDocument",
      "govflow.deadlines.rules[0].duration=P3D",
      "govflow.deadlines.reminders=3,0",
      "govflow.deadlines.escalations[0].after=2",
      "govflow.deadlines.escalations[0].to=body-chairs,secretariat",
      "govflow.deadlines.escalations[1].after=7",
      "govflow.deadlines.escalations[1].to=presidency",
      "govflow.notifications.sender.poll-interval=200ms",
      "govflow.notifications.sender.first-retry=300ms",
      "govflow.notifications.sender.max-attempts=6",
    })
@ActiveProfiles({"test", "demo"})
@ContextConfiguration(initializers = {PostgresTestDatabase.class, TestMailServer.class})
public @interface MailIntegrationTest {}

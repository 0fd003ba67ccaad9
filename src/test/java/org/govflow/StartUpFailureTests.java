package org.govflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.govflow.directory.OrganizationFileException;
import org.govflow.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A malformed organisation file stops start-up with one line saying where and what. */
@ExtendWith(OutputCaptureExtension.class)
class StartUpFailureTests {

  @TempDir Path temp;

  @Test
  void aMalformedOrganisationFileStopsStartUpWithOneLine(CapturedOutput output) throws Exception {
    Path file = temp.resolve("organization.yml");
    Files.writeString(
        file,
        Files.readString(Path.of("config/organization.yml"))
            .replaceFirst("role: co-chair", "role: cochair"));

    assertThatThrownBy(
            () ->
                SpringApplication.run(
                    GovflowApplication.class,
                    "--server.port=0",
                    // a context that fails to start must not leave Camunda webapp statics behind
                    "--camunda.bpm.webapp.enabled=false",
                    "--spring.datasource.url=" + PostgresTestDatabase.url("app"),
                    "--spring.datasource.username=" + PostgresTestDatabase.user(),
                    "--spring.datasource.password=" + PostgresTestDatabase.password(),
                    "--camunda.bpm.generate-unique-process-engine-name=true",
                    "--camunda.bpm.generate-unique-process-application-name=true",
                    "--govflow.directory.location=file:" + file))
        .isInstanceOf(OrganizationFileException.class);

    String expected = file + ": line ";
    assertThat(output.getOut())
        .contains("APPLICATION FAILED TO START")
        .containsPattern(
            java.util.regex.Pattern.quote(expected)
                + "\\d+, bodies\\[\\d+\\]\\.members\\[\\d+\\]\\.role: 'cochair' is not a role; use one of");
  }
}

package org.govflow.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessKeySettingsTests {

  private final BusinessKeySettings settings =
      new BusinessKeySettings(
          Map.of(),
          3,
          Map.of(
              "policy-recommendation", "REC-{council}-{year}-{n}",
              "statutory-meeting", "{body}-{year}-{n:2}"),
          Map.of("council-right-to-city", "RTC", "world-council", "WC"));

  @Test
  void aPatternWritesStartValuesAsTheirCodes() {
    assertThat(
            settings.templateOf(
                "policy-recommendation", Map.of("council", "council-right-to-city")))
        .isEqualTo("REC-RTC-{year}-{n}");
    assertThat(settings.templateOf("statutory-meeting", Map.of("body", "world-council")))
        .isEqualTo("WC-{year}-{n:2}");
  }

  @Test
  void aValueWithoutACodeGivesItsInitialsAndAMissingValueAnX() {
    assertThat(settings.templateOf("statutory-meeting", Map.of("body", "executive-bureau")))
        .isEqualTo("EB-{year}-{n:2}");
    assertThat(settings.templateOf("statutory-meeting", Map.of())).isEqualTo("X-{year}-{n:2}");
  }

  @Test
  void aProcessWithoutAPatternUsesItsPrefix() {
    assertThat(settings.templateOf("document-approval", Map.of("body", "world-council")))
        .isEqualTo("DOC-{year}-{n}");
    assertThat(settings.templateOf("some-new-process", Map.of())).isEqualTo("SNP-{year}-{n}");
  }
}

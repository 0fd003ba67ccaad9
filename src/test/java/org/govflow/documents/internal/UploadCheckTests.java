package org.govflow.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names uploads are stored under. */
class UploadCheckTests {

  @Test
  void safeNamesKeepNoFoldersNorHeaderBreakers() {
    assertThat(UploadCheck.safeName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(UploadCheck.safeName("a\"b;c.txt")).isEqualTo("a_b_c.txt");
    assertThat(UploadCheck.safeName("  ")).isEqualTo("document");
    assertThat(UploadCheck.safeName(".hidden")).isEqualTo("hidden");
    assertThat(UploadCheck.safeName("Résumé 2026.pdf")).isEqualTo("Résumé 2026.pdf");
  }
}

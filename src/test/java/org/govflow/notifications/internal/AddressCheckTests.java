package org.govflow.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Addresses the directory's simple pattern lets through but mail cannot go to. */
class AddressCheckTests {

  @Test
  void aPlainAddressIsFine() {
    assertThat(AddressCheck.problem("amina.diallo@demo.govflow.org")).isEmpty();
  }

  @Test
  void addressesTheMailLibraryRefusesAreReported() {
    assertThat(AddressCheck.problem("ana,bob@demo.govflow.org")).isPresent();
    assertThat(AddressCheck.problem("ana@demo.govflow.org,bob@demo.govflow.org")).isPresent();
    assertThat(AddressCheck.problem("Ana <ana@demo.govflow.org>")).isPresent();
    assertThat(AddressCheck.problem("ana(x)@demo.govflow.org")).isPresent();
  }
}

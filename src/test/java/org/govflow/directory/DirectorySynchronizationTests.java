package org.govflow.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.govflow.directory.internal.DirectorySynchronizer;
import org.govflow.directory.internal.SyncReport;
import org.govflow.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;

/** organization.yml reaches our tables and Camunda's identity tables, idempotently. */
@IntegrationTest
class DirectorySynchronizationTests {

  private static final Path FILE = Path.of("config/organization.yml");

  @Autowired Directory directory;
  @Autowired DirectorySynchronizer synchronizer;
  @Autowired IdentityService identity;

  @TempDir Path temp;

  @AfterEach
  void restoreTheDemoOrganisation() {
    synchronizer.synchronize(new FileSystemResource(FILE));
  }

  @Test
  void bodiesAndPeopleAreMirroredIntoCamundasIdentityForRouting() {
    assertThat(
            identity.createGroupQuery().groupId("council-right-to-city").singleResult().getName())
        .isEqualTo("Policy Council on the Right to the City and Inclusive Territories");
    assertThat(identity.createUserQuery().memberOfGroup("presidency").list())
        .extracting(u -> u.getId())
        .contains("president");
    assertThat(identity.createUserQuery().userId("president").singleResult().getEmail())
        .isEqualTo("president@demo.govflow.org");
    assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
        .extracting(u -> u.getId())
        .containsExactly("admin");
    assertThat(directory.membersOf("council-right-to-city"))
        .extracting(Membership::role)
        .contains(Role.CO_CHAIR, Role.MEMBER);
  }

  @Test
  void aSecondLoadOfTheSameFileChangesNothing() {
    SyncReport again = synchronizer.synchronize(new FileSystemResource(FILE));

    assertThat(again.changedNothing()).as("%s", again).isTrue();
  }

  @Test
  void anEditedFileChangesOnlyWhatDiffers() throws Exception {
    String yaml = Files.readString(FILE, StandardCharsets.UTF_8);
    // sg moves to New York; the treasurer leaves the organisation
    String edited =
        yaml.replaceFirst("(?s)(- id: sg\\b.*?timeZone: )[A-Za-z/_]+", "$1America/New_York")
            .replaceAll("(?m)^\\s+- person: mathieu\\.delorme\\n\\s+role: [a-z-]+\\n", "")
            .replaceFirst("(?s)\\n  - id: mathieu\\.delorme\\b.*?(?=\\n  - id: )", "");
    assertThat(edited).isNotEqualTo(yaml).doesNotContain("mathieu.delorme");
    Path file = temp.resolve("organization.yml");
    Files.writeString(file, edited, StandardCharsets.UTF_8);

    // read before: kept by this node's directory cache, which the synchronisation must clear
    assertThat(directory.person("sg").orElseThrow().timeZone())
        .isNotEqualTo(ZoneId.of("America/New_York"));
    assertThat(directory.membershipsOf("mathieu.delorme")).isNotEmpty();
    assertThat(directory.people()).extracting(Person::id).contains("mathieu.delorme");
    assertThat(directory.people(java.util.List.of("sg", "mathieu.delorme"))).hasSize(2);

    SyncReport report = synchronizer.synchronize(new FileSystemResource(file));

    assertThat(report.directoryChanges()).isPositive();
    assertThat(directory.membershipsOf("mathieu.delorme")).isEmpty();
    assertThat(directory.people()).extracting(Person::id).doesNotContain("mathieu.delorme");
    assertThat(directory.people(java.util.List.of("sg", "mathieu.delorme"))).containsOnlyKeys("sg");
    assertThat(directory.person("sg").orElseThrow().timeZone())
        .isEqualTo(ZoneId.of("America/New_York"));
    assertThat(directory.person("mathieu.delorme")).isEmpty();
    assertThat(identity.createUserQuery().userId("mathieu.delorme").count()).isZero();
    assertThat(directory.person("president")).isPresent();
    assertThat(synchronizer.synchronize(new FileSystemResource(file)).changedNothing()).isTrue();
  }
}

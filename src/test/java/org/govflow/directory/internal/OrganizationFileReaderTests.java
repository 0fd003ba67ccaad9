package org.govflow.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import org.govflow.directory.Body;
import org.govflow.directory.Membership;
import org.govflow.directory.OrganizationFileException;
import org.govflow.directory.Person;
import org.govflow.directory.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganizationFileReaderTests {

  private static final String VALID =
      """
      bodies:
        - id: presidency
          type: presidency
          name: {en: Presidency, fr: Présidence, es: Presidencia}
          members:
            - person: president
              role: president
        - id: council-right-to-city
          type: policy-council
          name:
            en: Right to the City
            fr: Droit à la ville
            es: Derecho a la ciudad
          members:
            - person: ana
              role: co-chair
            - person: president
              role: member
      people:
        - id: president
          name: Zeynep Aksoylu
          email: president@demo.govflow.org
          language: en
          timeZone: Europe/Istanbul
        - id: ana
          name: Ana Belmonte
          email: ana@demo.govflow.org
          language: es
          timeZone: America/Mexico_City
          password: "{bcrypt}$2a$10$abcdefghijklmnopqrstuu"
      """;

  private final OrganizationFileReader reader = new OrganizationFileReader();

  @Test
  void readsBodiesPeopleAndSeats() {
    Organization org = read(VALID);

    assertThat(org.bodies())
        .extracting(Body::id)
        .containsExactly("presidency", "council-right-to-city");
    assertThat(org.bodies().get(1).name().fr()).isEqualTo("Droit à la ville");
    assertThat(org.people())
        .extracting(Person::id, p -> p.language().getLanguage(), Person::timeZone)
        .containsExactly(
            tuple("president", "en", ZoneId.of("Europe/Istanbul")),
            tuple("ana", "es", ZoneId.of("America/Mexico_City")));
    assertThat(org.memberships())
        .contains(new Membership("council-right-to-city", "ana", Role.CO_CHAIR));
    assertThat(org.passwordHashes()).containsOnlyKeys("ana");
  }

  @Test
  void theShippedDemoOrganisationIsValidAndRichEnough() throws IOException {
    Organization org =
        reader.read(
            "config/organization.yml", Files.readAllBytes(Path.of("config/organization.yml")));

    assertThat(org.people()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(
            org.people().stream().map(p -> p.language().getLanguage()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("en", "fr", "es");
    assertThat(org.people().stream().map(Person::timeZone).distinct().count())
        .isGreaterThanOrEqualTo(6);
    assertThat(org.people())
        .extracting(Person::id)
        .contains("president", "sg", "officer", "legal", "admin");
    assertThat(org.bodies())
        .extracting(Body::id)
        .contains(
            "presidency",
            "secretariat",
            "secretariat-legal",
            "world-council",
            "executive-bureau",
            "general-assembly",
            "council-right-to-city",
            "council-opportunities-culture-diplomacy",
            "council-multilevel-finance",
            "council-resilient-cities",
            "section-africa",
            "section-aspac",
            "section-eurasia",
            "section-europe",
            "section-latin-america",
            "section-mewa",
            "section-north-america",
            "section-metropolis",
            "section-forum-of-regions",
            "partner-un-habitat");
    assertThat(org.memberships())
        .contains(new Membership("presidency", "president", Role.PRESIDENT));
    Set<String> admins =
        org.people().stream().filter(Person::admin).map(Person::id).collect(Collectors.toSet());
    assertThat(admins).containsExactly("admin");
  }

  /** Each broken file names the file, the line, the place, and what is wrong, on one line. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown role      | role: member         | role: chiar            | org.yml: line 18, bodies[1].members[1].role: 'chiar' is not a role; use one of president, co-president
          unknown person    | person: ana          | person: anna           | org.yml: line 15, bodies[1].members[0].person: no person with id 'anna' in 'people'
          bad e-mail        | email: ana@demo.govflow.org | email: ana.demo.govflow.org | org.yml: line 27, people[1].email: 'ana.demo.govflow.org' is not a valid e-mail address
          bad time zone     | timeZone: America/Mexico_City | timeZone: Mexico City | org.yml: line 29, people[1].timeZone: 'Mexico City' is not an IANA time zone, e.g. Europe/Madrid
          bad language      | language: es         | language: de           | org.yml: line 28, people[1].language: 'de' is not a language; use en, fr or es
          duplicate person  | id: ana              | id: president          | org.yml: line 25, people[1].id: person id 'president' is used twice
          unknown body type | type: policy-council | type: council          | org.yml: line 9, bodies[1].type: 'council' is not a body type; use one of presidency
          unknown key       | language: es         | lang: es               | org.yml: line 28, people[1].lang: 'lang' is not a known key here; use admin, email, id, language, name, password, timeZone
          plain password    | password: "{bcrypt}$2a$10$abcdefghijklmnopqrstuu" | password: secret | org.yml: line 30, people[1].password: a password must be stored encoded
          """)
  void reportsWhatIsWrongAndWhere(String problem, String from, String to, String expected) {
    String broken = VALID.replace(from.strip(), to.strip());
    assertThat(broken).isNotEqualTo(VALID);

    assertThatThrownBy(() -> read(broken))
        .isInstanceOf(OrganizationFileException.class)
        .hasMessageStartingWith(expected.strip())
        .hasMessageNotContaining("\n");
  }

  @Test
  void reportsBrokenYamlWithItsLine() {
    assertThatThrownBy(() -> read("bodies:\n  - id: [unclosed\npeople: []\n"))
        .isInstanceOf(OrganizationFileException.class)
        .hasMessageStartingWith("org.yml: line ")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void reportsAMissingName() {
    assertThatThrownBy(() -> read(VALID.replace("es: Derecho a la ciudad", "")))
        .hasMessageStartingWith("org.yml: line 10, bodies[1].name.es: the name in 'es' is missing");
  }

  private Organization read(String yaml) {
    return reader.read("org.yml", yaml.getBytes(StandardCharsets.UTF_8));
  }
}

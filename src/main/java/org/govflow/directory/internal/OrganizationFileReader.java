package org.govflow.directory.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.govflow.directory.Body;
import org.govflow.directory.BodyType;
import org.govflow.directory.LocalizedText;
import org.govflow.directory.Membership;
import org.govflow.directory.OrganizationFileException;
import org.govflow.directory.Person;
import org.govflow.directory.Role;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and checks organization.yml. Every problem is reported as one line naming the file, the
 * line, the place in the document and what to fix, so a malformed file stops start-up readably.
 */
final class OrganizationFileReader {

  static final Set<String> LANGUAGES = Set.of("en", "fr", "es");

  // Deliberately simple: one @, no spaces, a dot in the domain. Catches typos, not every RFC case.
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,99}$");

  private final ObjectMapper mapper =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  Organization read(String fileName, byte[] content) {
    Node tree;
    try {
      tree = new Yaml().compose(new StringReader(new String(content, StandardCharsets.UTF_8)));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new OrganizationFileException(
          fileName + ": line " + line + ", not valid YAML: " + e.getProblem(), e);
    }
    Checker checker = new Checker(fileName, tree);
    if (tree == null) {
      throw new OrganizationFileException(
          fileName + ": the file is empty; it needs 'bodies' and 'people'");
    }
    return checker.check(bind(checker, content));
  }

  private OrganizationFile bind(Checker checker, byte[] content) {
    try {
      return mapper.readValue(content, OrganizationFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw checker.fail(
          path(e.getPath()),
          "'"
              + e.getPropertyName()
              + "' is not a known key here; use "
              + e.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    } catch (JsonMappingException e) {
      throw checker.fail(path(e.getPath()), e.getOriginalMessage());
    } catch (IOException e) {
      throw checker.fail(List.of(), "cannot be read: " + e.getMessage());
    }
  }

  private static List<Object> path(List<JsonMappingException.Reference> references) {
    List<Object> path = new ArrayList<>();
    for (JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null) {
        path.add(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.add(ref.getIndex());
      }
    }
    return path;
  }

  /** The semantic checks, with line numbers looked up in the YAML node tree. */
  private static final class Checker {
    private final String fileName;
    private final Node tree;

    Checker(String fileName, Node tree) {
      this.fileName = fileName;
      this.tree = tree;
    }

    Organization check(OrganizationFile file) {
      require(
          file.bodies() != null && !file.bodies().isEmpty(),
          List.of("bodies"),
          "at least one body is required");
      require(
          file.people() != null && !file.people().isEmpty(),
          List.of("people"),
          "at least one person is required");

      List<Person> people = new ArrayList<>();
      Map<String, String> passwords = new HashMap<>();
      Set<String> personIds = new HashSet<>();
      for (int i = 0; i < file.people().size(); i++) {
        OrganizationFile.PersonEntry p = file.people().get(i);
        List<Object> at = List.of("people", i);
        require(p != null, at, "empty entry");
        String id = id(p.id(), at, "person");
        require(personIds.add(id), plus(at, "id"), "person id '" + id + "' is used twice");
        require(notBlank(p.name()), plus(at, "name"), "a name is required");
        require(
            notBlank(p.email()) && EMAIL.matcher(p.email()).matches(),
            plus(at, "email"),
            "'" + p.email() + "' is not a valid e-mail address");
        require(
            p.language() != null && LANGUAGES.contains(p.language()),
            plus(at, "language"),
            "'" + p.language() + "' is not a language; use en, fr or es");
        ZoneId zone = zone(p.timeZone(), plus(at, "timeZone"));
        if (p.password() != null) {
          require(
              p.password().startsWith("{"),
              plus(at, "password"),
              "a password must be stored encoded with its scheme, e.g. {bcrypt}$2a$10$...");
          passwords.put(id, p.password());
        }
        people.add(
            new Person(
                id,
                p.name().strip(),
                p.email().strip(),
                Locale.forLanguageTag(p.language()),
                zone,
                Boolean.TRUE.equals(p.admin())));
      }

      List<Body> bodies = new ArrayList<>();
      List<Membership> memberships = new ArrayList<>();
      Set<String> bodyIds = new HashSet<>();
      for (int i = 0; i < file.bodies().size(); i++) {
        OrganizationFile.BodyEntry b = file.bodies().get(i);
        List<Object> at = List.of("bodies", i);
        require(b != null, at, "empty entry");
        String id = id(b.id(), at, "body");
        require(bodyIds.add(id), plus(at, "id"), "body id '" + id + "' is used twice");
        BodyType type =
            BodyType.fromKey(b.type())
                .orElseThrow(
                    () ->
                        fail(
                            plus(at, "type"),
                            "'"
                                + b.type()
                                + "' is not a body type; use one of "
                                + keys(BodyType.values())));
        require(b.name() != null, plus(at, "name"), "a name in en, fr and es is required");
        for (String language : List.of("en", "fr", "es")) {
          require(
              notBlank(b.name().get(language)),
              plus(plus(at, "name"), language),
              "the name in '" + language + "' is missing");
        }
        for (String key : b.name().keySet()) {
          require(
              LANGUAGES.contains(key),
              plus(plus(at, "name"), key),
              "'" + key + "' is not a language; use en, fr or es");
        }
        bodies.add(
            new Body(
                id,
                type,
                b.region(),
                new LocalizedText(
                    b.name().get("en").strip(),
                    b.name().get("fr").strip(),
                    b.name().get("es").strip())));
        Set<String> seated = new HashSet<>();
        List<OrganizationFile.MemberEntry> members = b.members() == null ? List.of() : b.members();
        for (int j = 0; j < members.size(); j++) {
          OrganizationFile.MemberEntry m = members.get(j);
          List<Object> mat = plus(plus(at, "members"), j);
          require(m != null && m.person() != null, mat, "a member needs 'person' and 'role'");
          require(
              personIds.contains(m.person()),
              plus(mat, "person"),
              "no person with id '" + m.person() + "' in 'people'");
          require(
              seated.add(m.person()),
              plus(mat, "person"),
              "'" + m.person() + "' is listed twice in body '" + id + "'; give them one role");
          Role role =
              Role.fromKey(m.role())
                  .orElseThrow(
                      () ->
                          fail(
                              plus(mat, "role"),
                              "'"
                                  + m.role()
                                  + "' is not a role; use one of "
                                  + keys(Role.values())));
          memberships.add(new Membership(id, m.person(), role));
        }
      }
      return new Organization(
          List.copyOf(bodies),
          List.copyOf(people),
          List.copyOf(memberships),
          Map.copyOf(passwords));
    }

    private String id(String id, List<Object> at, String what) {
      require(
          id != null && ID.matcher(id).matches(),
          plus(at, "id"),
          "'"
              + id
              + "' is not a valid "
              + what
              + " id; use lower-case letters, digits, '.', '_' and '-'");
      return id;
    }

    private ZoneId zone(String zone, List<Object> at) {
      try {
        require(zone != null, at, "a time zone is required, e.g. Europe/Madrid");
        return ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw fail(at, "'" + zone + "' is not an IANA time zone, e.g. Europe/Madrid");
      }
    }

    private void require(boolean ok, List<Object> at, String message) {
      if (!ok) {
        throw fail(at, message);
      }
    }

    OrganizationFileException fail(List<Object> at, String message) {
      Integer line = lineOf(at);
      return new OrganizationFileException(
          fileName
              + ":"
              + (line == null ? "" : " line " + line + ",")
              + " "
              + render(at)
              + ": "
              + message);
    }

    /** The 1-based line of the deepest node that exists along the path. */
    private Integer lineOf(List<Object> at) {
      Node node = tree;
      Integer line = null;
      for (Object step : at) {
        Node next = null;
        if (step instanceof String key && node instanceof MappingNode map) {
          for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
              next = t.getValueNode();
              line = t.getKeyNode().getStartMark().getLine() + 1;
            }
          }
        } else if (step instanceof Integer index
            && node instanceof SequenceNode seq
            && index < seq.getValue().size()) {
          next = seq.getValue().get(index);
          line = next.getStartMark().getLine() + 1;
        }
        if (next == null) {
          break;
        }
        node = next;
      }
      return line;
    }
  }

  private static String render(List<Object> at) {
    StringBuilder s = new StringBuilder();
    for (Object step : at) {
      if (step instanceof Integer i) {
        s.append('[').append(i).append(']');
      } else {
        s.append(s.isEmpty() ? "" : ".").append(step);
      }
    }
    return s.toString();
  }

  private static List<Object> plus(List<Object> path, Object step) {
    List<Object> longer = new ArrayList<>(path);
    longer.add(step);
    return longer;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String keys(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(v -> v instanceof BodyType t ? t.key() : ((Role) v).key())
        .collect(Collectors.joining(", "));
  }
}

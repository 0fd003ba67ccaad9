package org.govflow.web.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.web.Refusal.Reason;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/me/tokens}: the caller's personal access tokens. A new token is answered once, in
 * the 201; afterwards only its name and dates are shown.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccessTokenController {

  /**
   * A name a person recognises the token by: printable text, no control or format characters
   * (Unicode's Cc and Cf categories, as the OpenAPI document's JavaScript and Python tools read
   * them too; Java's POSIX Cntrl is known to no other regex dialect).
   */
  record NewToken(
      @Schema(example = "Intranet sync script")
          @NotBlank
          @Size(max = 100)
          @Pattern(regexp = "[^\\p{Cc}\\p{Cf}]*")
          String name) {}

  private final AccessTokens tokens;

  @Operation(
      summary = "The caller's personal access tokens (names and dates, never the token)",
      operationId = "listAccessTokens")
  @GetMapping("/api/v1/me/tokens")
  List<AccessTokens.Listed> list(Caller caller) {
    return tokens.of(caller.personId());
  }

  @Operation(
      summary = "Create a personal access token, shown once",
      operationId = "createAccessToken")
  @ApiResponse(responseCode = "201", description = "Created: the token, shown this once")
  @PostMapping("/api/v1/me/tokens")
  ResponseEntity<AccessTokens.Created> create(Caller caller, @Valid @RequestBody NewToken request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(create(tokens, caller, request.name()));
  }

  @Operation(
      summary = "Revoke one of the caller's personal access tokens",
      operationId = "revokeAccessToken")
  @ApiResponse(responseCode = "204", description = "Revoked")
  @DeleteMapping("/api/v1/me/tokens/{id}")
  ResponseEntity<Void> revoke(Caller caller, @PathVariable String id) {
    if (!tokens.revoke(caller.personId(), id)) {
      throw new Refusal(Reason.NOT_FOUND, "security.tokens.unknown");
    }
    return ResponseEntity.noContent().build();
  }

  /** Creates a token for the caller, refused once they hold the most a person may. */
  static AccessTokens.Created create(AccessTokens tokens, Caller caller, String name) {
    if (tokens.count(caller.personId()) >= AccessTokens.MAX_PER_PERSON) {
      throw new Refusal(Reason.CONFLICT, "security.tokens.tooMany", AccessTokens.MAX_PER_PERSON);
    }
    return tokens.create(caller.personId(), name.strip());
  }
}

package org.govflow.partnerships.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.govflow.web.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The MoU register over the API: list, one MoU, register, edit, start a renewal by hand. */
@RestController
@RequiredArgsConstructor
class MouApi {

  private final MouViews views;
  private final MouRegister register;
  private final RenewalStarts starts;

  @Operation(summary = "The MoU register, by the next date that matters", operationId = "listMous")
  @GetMapping("/api/v1/mous")
  List<MouSummary> list(
      @RequestParam(required = false) String partner,
      @RequestParam(required = false) String status,
      Caller caller) {
    return views.list(partner, status);
  }

  @Operation(summary = "One MoU: terms, documents, renewals", operationId = "getMou")
  @GetMapping("/api/v1/mous/{id}")
  MouDetails one(@PathVariable long id, Caller caller) {
    return views.details(id);
  }

  @Operation(summary = "Register an MoU (secretariat)", operationId = "registerMou")
  @ApiResponse(responseCode = "201", description = "Registered")
  @PostMapping("/api/v1/mous")
  ResponseEntity<MouDetails> create(@Valid @RequestBody MouInput body, Caller caller) {
    long id = register.register(caller.participant(), body);
    return ResponseEntity.created(URI.create("/api/v1/mous/" + id)).body(views.details(id));
  }

  @Operation(summary = "Edit an MoU (secretariat)", operationId = "updateMou")
  @PutMapping("/api/v1/mous/{id}")
  MouDetails update(@PathVariable long id, @Valid @RequestBody MouInput body, Caller caller) {
    register.update(caller.participant(), id, body);
    return views.details(id);
  }

  @Operation(
      summary = "Start the renewal of an MoU's current term by hand",
      operationId = "startMouRenewal")
  @ApiResponse(responseCode = "201", description = "Started")
  @ApiResponse(
      responseCode = "409",
      description = "The state has moved on: already done, or not possible now")
  @PostMapping("/api/v1/mous/{id}/renewal")
  ResponseEntity<RenewalView> renew(@PathVariable long id, Caller caller) {
    Renewal r = starts.startByHand(caller.participant(), id);
    return ResponseEntity.status(201).body(RenewalView.of(r));
  }
}

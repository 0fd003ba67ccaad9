/**
 * Webhooks: other systems told what happened (decisions recorded and published, processes started
 * and ended, meetings convened, moved or cancelled, tasks overdue) by signed JSON posts to the
 * endpoints an operator registered, written to a durable outbox with the change and retried until
 * delivered.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package org.govflow.webhooks;

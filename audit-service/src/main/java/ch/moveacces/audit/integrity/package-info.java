/**
 * The proof that the trail was not altered, and the erasure that keeps it provable: signed
 * checkpoints of each chain ({@link ch.moveacces.audit.integrity.Checkpoints}), the verification of
 * rows, checkpoints and erasures ({@link ch.moveacces.audit.integrity.ChainVerification}, served at
 * {@code GET /audit/verify} and run by {@code java -jar audit-service.jar verify}), and the erasure
 * of one member's personal data ({@link ch.moveacces.audit.integrity.MemberErasure}). Reads and
 * writes over JDBC on the service's own account: these are batch jobs over many rows, the same code
 * in the service and on the command line.
 */
@NullMarked
package ch.moveacces.audit.integrity;

import org.jspecify.annotations.NullMarked;

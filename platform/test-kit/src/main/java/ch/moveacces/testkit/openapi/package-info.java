/**
 * A service's OpenAPI document as a contract under review: committed beside its README as {@code
 * openapi.json}, compared with what the running service publishes, validated by swagger-parser and
 * held to {@link ch.moveacces.testkit.openapi.ApiDocumentRules}. A service's {@code *IT} implements
 * {@link ch.moveacces.testkit.openapi.ApiDocumentConventions}; {@code -Dopenapi.update=true}
 * rewrites the committed document from the running service.
 */
package ch.moveacces.testkit.openapi;

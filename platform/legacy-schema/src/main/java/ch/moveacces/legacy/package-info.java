/**
 * The customer's existing database: its three tables (never altered), the database account of each
 * service with the grants of its slice, and the development seed data.
 */
package ch.moveacces.legacy;

package ch.moveacces.realtime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * @param ticket opaque, single use
 * @param expiresIn seconds left to open the socket with it
 */
record TicketResponse(String ticket, @JsonProperty("expires_in") long expiresIn) {

  /** Never the ticket: records print their fields, and debug logging prints records. */
  @Override
  public String toString() {
    return "TicketResponse[expiresIn=" + expiresIn + "]";
  }
}

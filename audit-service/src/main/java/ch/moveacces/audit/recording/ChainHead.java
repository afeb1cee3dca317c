package ch.moveacces.audit.recording;

import ch.moveacces.audit.chain.ChainLink;

/** The last link of a chain: the next one gets {@code seq + 1} and {@code hash} as its prevHash. */
record ChainHead(long seq, byte[] hash) {

  /** Where an empty chain stands: its first link is seq 1 after the genesis hash. */
  static final ChainHead EMPTY = new ChainHead(0, ChainLink.GENESIS);

  long nextSeq() {
    return seq + 1;
  }
}

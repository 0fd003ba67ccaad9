package org.govflow.decisions;

/** The count of a vote. Absent members are counted so quorum can be checked afterwards. */
public record Votes(int inFavour, int against, int abstentions, int absent) {

  public Votes {
    if (inFavour < 0 || against < 0 || abstentions < 0 || absent < 0) {
      throw new IllegalArgumentException("Vote counts cannot be negative");
    }
  }

  public int cast() {
    return inFavour + against + abstentions;
  }
}

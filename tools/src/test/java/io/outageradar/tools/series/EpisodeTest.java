package io.outageradar.tools.series;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpisodeTest {
  @Test
  void aLoneUnusualPointIsOverAfterTheShortestCalm() {
    Episode episode = new Episode(5, 64);

    assertThat(episode.onset(true)).isTrue();
    for (int calm = 0; calm < 5; calm++) {
      assertThat(episode.open()).isTrue();
      assertThat(episode.onset(false)).isFalse();
    }
    assertThat(episode.open()).isFalse();
    assertThat(episode.onset(true)).as("a new incident").isTrue();
  }

  @Test
  void aLongEpisodeNeedsALongerCalmBeforeANewAlarm() {
    Episode episode = new Episode(5, 64);
    assertThat(episode.onset(true)).isTrue();
    for (int i = 0; i < 29; i++) {
      assertThat(episode.onset(i % 3 == 1)).as("still the same incident").isFalse();
    }
    for (int calm = 0; calm < 29; calm++) {
      episode.onset(false);
    }
    assertThat(episode.open()).as("29 calm points after an episode of 30").isTrue();
    episode.onset(false);
    assertThat(episode.open()).isFalse();
    assertThat(episode.onset(true)).as("a new incident").isTrue();
  }

  @Test
  void theCalmNeededIsCapped() {
    Episode episode = new Episode(5, 64);
    for (int i = 0; i < 1_000; i++) {
      episode.onset(true);
    }
    for (int calm = 0; calm < 64; calm++) {
      episode.onset(false);
    }
    assertThat(episode.open()).isFalse();
  }
}

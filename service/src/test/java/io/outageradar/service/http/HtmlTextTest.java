package io.outageradar.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void markupBecomesCharacters() {
    assertThat(HtmlText.escape("<script>alert('x')</script> & \"more\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;");
    assertThat(HtmlText.escape("não carrega")).isEqualTo("não carrega");
  }
}

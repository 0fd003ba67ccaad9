package org.govflow.declaration.internal;

import java.util.List;
import org.springframework.stereotype.Component;

/** The lists the process's multi-instances iterate over: contributor groups, languages. */
@Component("declarationLists")
public class DeclarationLists {

  public List<String> of(Object value) {
    return DeclarationCocreation.list(value);
  }

  /** The languages to translate the authentic text into. */
  public List<String> others(String authentic) {
    return DeclarationCocreation.LANGUAGES.stream().filter(l -> !l.equals(authentic)).toList();
  }
}

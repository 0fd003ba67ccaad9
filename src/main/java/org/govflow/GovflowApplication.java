package org.govflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** govflow: statutory governance workflows on an embedded Camunda engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic
public class GovflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(GovflowApplication.class, args);
  }
}

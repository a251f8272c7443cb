package org.jixiao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class JixiaoApplication {
  public static void main(String[] args) {
    SpringApplication.run(JixiaoApplication.class, args);
  }
}

package io.scatter.api.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A test class of database code without Spring, on the {@link ApiEnvironment#dataSource()} of its static environment. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ApiEnvironment.Cleanup.class)
public @interface DatabaseTest {
}

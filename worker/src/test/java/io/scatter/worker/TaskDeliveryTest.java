package io.scatter.worker;

import com.rabbitmq.client.AMQP;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TaskDeliveryTest {

    @Test
    void theAttemptIs1WithoutADeliveryCountHeader() {
        assertThat(delivery(null).attempt()).isEqualTo(1);
        assertThat(delivery(Map.of("other", 7)).attempt()).isEqualTo(1);
    }

    @Test
    void theAttemptIsTheDeliveryCountPlus1WhateverIntegerTypeItArrivesAs() {
        assertThat(delivery(Map.of("x-delivery-count", 1L)).attempt()).isEqualTo(2);
        assertThat(delivery(Map.of("x-delivery-count", 4)).attempt()).isEqualTo(5);
    }

    @Test
    void theLabelIsTheMessageIdOrElseTheDeliveryTag() {
        assertThat(new TaskDelivery(null, 9, new AMQP.BasicProperties.Builder().messageId("m-1").build(), new byte[0])
                .label()).isEqualTo("m-1");
        assertThat(delivery(null).label()).isEqualTo("delivery 42");
    }

    private static TaskDelivery delivery(Map<String, Object> headers) {
        return new TaskDelivery(null, 42, new AMQP.BasicProperties.Builder().headers(headers).build(), new byte[0]);
    }
}

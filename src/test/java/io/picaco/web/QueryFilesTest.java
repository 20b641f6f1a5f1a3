package io.picaco.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class QueryFilesTest {
    @Test
    void jsonlStringsAndObjects() throws Exception {
        assertEquals(List.of("a?", "b?", "c?"),
                QueryFiles.parse("q.jsonl", "\"a?\"\n{\"query\": \"b?\", \"id\": 2}\n\n{\"prompt\": \"c?\"}\n"));
    }

    @Test
    void jsonlErrorsNameTheLine() {
        var e = assertThrows(QueryFiles.BadFile.class, () -> QueryFiles.parse("q.jsonl", "\"a\"\n{\"x\": 1}\n"));
        assertEquals("line 2 has no \"query\" (or \"prompt\", \"text\") string", e.getMessage());
    }

    @Test
    void csvWithHeaderQuotesAndCommas() throws Exception {
        assertEquals(List.of("Hi, how are you?", "Say \"no\"", "multi line"),
                QueryFiles.parse("q.csv", "id,query\n1,\"Hi, how are you?\"\n2,\"Say \"\"no\"\"\"\r\n3,multi line\n"));
    }

    @Test
    void csvWithoutHeaderUsesTheFirstColumn() throws Exception {
        assertEquals(List.of("one", "two"), QueryFiles.parse("q.csv", "one,x\ntwo,y"));
        assertThrows(QueryFiles.BadFile.class, () -> QueryFiles.parse("q.csv", "\"open"));
    }
}

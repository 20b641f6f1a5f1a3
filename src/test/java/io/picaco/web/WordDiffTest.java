package io.picaco.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class WordDiffTest {
    static String show(List<WordDiff.Part> parts) {
        StringBuilder s = new StringBuilder();
        for (WordDiff.Part p : parts) {
            s.append(switch (p.kind()) {
                case SAME -> p.text();
                case ADDED -> "[+" + p.text() + "+]";
                case REMOVED -> "[-" + p.text() + "-]";
            }).append(' ');
        }
        return s.toString().strip();
    }

    @Test
    void identicalTextsAreOneUnchangedPart() {
        assertEquals(List.of(new WordDiff.Part(WordDiff.Kind.SAME, "be kind and brief")),
                WordDiff.of("be kind and brief", "be  kind\nand brief"));
    }

    @Test
    void insertionsDeletionsAndReplacements() {
        assertEquals("Answer [-politely-] [+clearly, concretely+] and honour every value.",
                show(WordDiff.of("Answer politely and honour every value.",
                        "Answer clearly, concretely and honour every value.")));
        assertEquals("[+First,+] keep customs", show(WordDiff.of("keep customs", "First, keep customs")));
        assertEquals("keep [-old-] customs", show(WordDiff.of("keep old customs", "keep customs")));
    }

    @Test
    void emptySides() {
        assertEquals("[+new text+]", show(WordDiff.of("", "new text")));
        assertEquals("[-old text-]", show(WordDiff.of("old text", null)));
        assertEquals(List.of(), WordDiff.of(" ", ""));
    }
}

package dev.layerlint.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Parses written XML with the JDK's parser and flattens elements for exact comparison. */
final class XmlAssertions {

    private XmlAssertions() {
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** Every element named {@code name}, as {@code name{attr=value, …}} with attributes sorted. */
    static List<String> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagName(name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(describe((Element) nodes.item(i)));
        }
        return out;
    }

    static String describe(Element element) {
        TreeMap<String, String> attributes = new TreeMap<>();
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Node a = map.item(i);
            attributes.put(a.getNodeName(), a.getNodeValue());
        }
        return element.getTagName() + attributes;
    }
}

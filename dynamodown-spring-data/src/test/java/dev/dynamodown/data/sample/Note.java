package dev.dynamodown.data.sample;

import java.util.List;

import org.springframework.data.annotation.Id;

/** A plain class (not a record) in the default namespace {@code note}. */
public class Note {

	@Id
	private String id;

	private String text;

	private List<String> tags;

	public Note() {
	}

	public Note(String id, String text, List<String> tags) {
		this.id = id;
		this.text = text;
		this.tags = tags;
	}

	public String getId() {
		return this.id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public List<String> getTags() {
		return this.tags;
	}

	public void setTags(List<String> tags) {
		this.tags = tags;
	}

}

//! One way to draw a form: every field with its label, hint and error next to it, the
//! values typed kept, and the CSRF field. Most account pages are a [`FormPage`].

use crate::view::Chrome;
use askama::Template;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Text,
    Email,
    Password,
    NewPassword,
    Code,
    Hidden,
    Select,
    Checkbox,
}

/// One field of a form.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub input: Input,
    pub value: String,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub required: bool,
    /// Choices of a select: (value, label).
    pub options: Vec<(String, String)>,
}

impl Field {
    pub fn new(c: &Chrome, name: &'static str, label_key: &str, input: Input) -> Field {
        Field {
            name,
            label: c.t(label_key),
            input,
            value: String::new(),
            hint: None,
            error: None,
            required: true,
            options: Vec::new(),
        }
    }

    pub fn value(mut self, value: &str) -> Field {
        self.value = value.to_string();
        self
    }

    pub fn hint(mut self, hint: String) -> Field {
        self.hint = Some(hint);
        self
    }

    /// Marks the field wrong with a translated message (the key of the message).
    pub fn error(mut self, message: Option<String>) -> Field {
        self.error = message;
        self
    }

    pub fn id(&self) -> String {
        format!("f-{}", self.name)
    }

    pub fn autocomplete(&self) -> &'static str {
        match (self.input, self.name) {
            (Input::Email, _) => "email",
            (Input::Password, _) => "current-password",
            (Input::NewPassword, _) => "new-password",
            (Input::Code, _) => "one-time-code",
            (_, "name") => "name",
            _ => "off",
        }
    }

    pub fn html_type(&self) -> &'static str {
        match self.input {
            Input::Email => "email",
            Input::Password | Input::NewPassword => "password",
            Input::Hidden => "hidden",
            Input::Checkbox => "checkbox",
            Input::Code => "text",
            _ => "text",
        }
    }

    pub fn is_select(&self) -> bool {
        self.input == Input::Select
    }

    pub fn is_hidden(&self) -> bool {
        self.input == Input::Hidden
    }

    pub fn is_checkbox(&self) -> bool {
        self.input == Input::Checkbox
    }

    pub fn is_code(&self) -> bool {
        self.input == Input::Code
    }
}

/// A page that is one form, with optional text before it and links after it.
#[derive(Template)]
#[template(path = "form.html")]
pub struct FormPage {
    pub c: Chrome,
    pub heading: String,
    /// Paragraphs before the form.
    pub intro: Vec<String>,
    /// A problem with the whole form (e.g. wrong password), announced first.
    pub problem: Option<String>,
    /// A confirmation of what just happened.
    pub notice: Option<String>,
    pub action: String,
    pub fields: Vec<Field>,
    pub submit: String,
    /// Links under the form: (href, text).
    pub links: Vec<(String, String)>,
    /// A block of preformatted text to show (e.g. a two-factor secret).
    pub code: Option<String>,
}

impl FormPage {
    pub fn new(c: Chrome, heading: String, action: String, submit: String) -> FormPage {
        FormPage {
            c,
            heading,
            intro: Vec::new(),
            problem: None,
            notice: None,
            action,
            fields: Vec::new(),
            submit,
            links: Vec::new(),
            code: None,
        }
    }

    pub fn errors(&self) -> Vec<&Field> {
        self.fields.iter().filter(|f| f.error.is_some()).collect()
    }
}

/// A page with a heading and a message (after sign-up, after a link was used…).
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub c: Chrome,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub links: Vec<(String, String)>,
}

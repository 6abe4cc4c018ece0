//! Repairs to a parsed style so that hayagriva renders it as the CSL specification says.
//!
//! CSL 1.0.2 (`cs:substitute`): a shorthand `cs:names` inside a substitute inherits the
//! `cs:name`, `cs:et-al` and `cs:label` of the `cs:names` it substitutes for. hayagriva
//! applies that only to direct children of `cs:substitute`, but the official Chicago
//! styles nest them in `cs:choose`, so a book with editors and no authors lost its
//! "ed." and had its editors' names initialized. Copying the inherited children into
//! every shorthand `cs:names` of a substitute, at any depth, fixes that once, when the
//! style is read.

use hayagriva::citationberg::{IndependentStyle, LayoutRenderingElement, Names, NamesChild};

/// Applies every repair to a style.
pub(super) fn repair(style: &mut IndependentStyle) {
    for m in &mut style.macros {
        walk(&mut m.children);
    }
    walk(&mut style.citation.layout.elements);
    if let Some(bib) = &mut style.bibliography {
        walk(&mut bib.layout.elements);
    }
}

fn walk(elements: &mut [LayoutRenderingElement]) {
    for element in elements {
        match element {
            LayoutRenderingElement::Names(names) => {
                let parent = names.clone();
                for child in &mut names.children {
                    if let NamesChild::Substitute(sub) = child {
                        inherit(&parent, &mut sub.children);
                        walk(&mut sub.children);
                    }
                }
            }
            LayoutRenderingElement::Group(group) => walk(&mut group.children),
            LayoutRenderingElement::Choose(choose) => {
                walk(&mut choose.if_.children);
                for branch in &mut choose.else_if {
                    walk(&mut branch.children);
                }
                if let Some(otherwise) = &mut choose.otherwise {
                    walk(&mut otherwise.children);
                }
            }
            _ => {}
        }
    }
}

/// Gives every shorthand `cs:names` among `elements` (inside groups and choose
/// branches too) the children it inherits from `parent`.
fn inherit(parent: &Names, elements: &mut [LayoutRenderingElement]) {
    for element in elements {
        match element {
            LayoutRenderingElement::Names(child) if child.children.is_empty() => {
                *child = parent.from_names_substitute(child);
            }
            LayoutRenderingElement::Group(group) => inherit(parent, &mut group.children),
            LayoutRenderingElement::Choose(choose) => {
                inherit(parent, &mut choose.if_.children);
                for branch in &mut choose.else_if {
                    inherit(parent, &mut branch.children);
                }
                if let Some(otherwise) = &mut choose.otherwise {
                    inherit(parent, &mut otherwise.children);
                }
            }
            _ => {}
        }
    }
}

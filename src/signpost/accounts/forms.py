from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth import password_validation

from signpost.accounts.models import Organisation, Role
from signpost.accounts.roles import INVITABLE_ROLES
from signpost.core.models import Region, Sector


class SignUpForm(forms.Form):
    full_name = forms.CharField(
        label="Full name", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(label="Email address", widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    job_title = forms.CharField(label="Job title (optional)", max_length=150, required=False)
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters; not only numbers; not a common password.",
    )
    password2 = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "The two passwords do not match.")
        if p1:
            try:
                password_validation.validate_password(p1)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class InvitationForm(forms.Form):
    email = forms.EmailField(label="Their email address")
    role = forms.ChoiceField(
        label="Role", choices=[(r, Role(r).label) for r in INVITABLE_ROLES], initial=Role.MEMBER
    )


class OrganisationForm(forms.ModelForm):
    sectors = forms.ModelMultipleChoiceField(
        queryset=Sector.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        to_field_name="slug",
    )

    class Meta:
        model = Organisation
        fields = [
            "name", "kind", "sectors", "region", "size_band", "parent", "description", "website",
            "email", "phone", "address", "town", "postcode", "country",
        ]  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["region"]).queryset = Region.objects.all()
        parents = Organisation.objects.filter(is_active=True).only("id", "name")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        cast(forms.ModelChoiceField, self.fields["parent"]).queryset = parents


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label="Name, town or postcode", required=False, max_length=200)
    kind = forms.ChoiceField(label="Kind", required=False)
    sector = forms.ChoiceField(label="Sector", required=False)
    region = forms.ChoiceField(label="Region", required=False)

    def __init__(self, *args: Any, facets: dict[str, list[tuple[str, str]]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("kind", "sector", "region"):
            cast(forms.ChoiceField, self.fields[name]).choices = [("", "Any"), *facets[name]]


class TokenForm(forms.Form):
    name = forms.CharField(label="What the token is for", max_length=100)

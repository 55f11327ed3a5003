from django import forms

from mend.accounts import services
from mend.accounts.models import User
from mend.accounts.services import NAME_MAX
from mend.errors import RuleBroken


class TimeZoneInput(forms.TextInput):
    """Free text with the known zones offered as suggestions; the service checks the name."""

    def __init__(self):
        super().__init__(attrs={"list": "time-zones", "autocomplete": "off", "data-detect-tz": ""})


class SignUpForm(forms.Form):
    display_name = forms.CharField(label="What should we call you?", max_length=NAME_MAX)
    email = forms.EmailField(label="Email", max_length=254)
    password = forms.CharField(
        label="Password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 10 characters. A few unrelated words make a strong one.",
    )
    time_zone = forms.CharField(
        label="Time zone",
        initial="UTC",
        widget=TimeZoneInput(),
        help_text="Your day starts and ends in this time zone.",
    )

    def clean(self):
        """The service's own checks, run here too, so every problem shows at once rather than
        one per attempt (the service runs them again, for the API)."""
        data = super().clean()
        name, email = data.get("display_name", ""), data.get("email", "")
        checks = [
            ("time_zone", lambda: services.check_time_zone(data["time_zone"])),
            (
                "password",
                lambda: services.check_password(
                    data["password"], User(email=email, display_name=name)
                ),
            ),
        ]
        for field, check in checks:
            if field in data:
                try:
                    check()
                except RuleBroken as broken:
                    self.add_error(field, broken.message)
        return data


class ProfileForm(forms.Form):
    display_name = forms.CharField(label="Display name", max_length=NAME_MAX)
    time_zone = forms.CharField(label="Time zone", widget=TimeZoneInput())


class PasswordChangeForm(forms.Form):
    current_password = forms.CharField(
        label="Current password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    password = forms.CharField(
        label="New password", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Token name",
        max_length=60,
        help_text="Say where it will be used, such as “my phone”.",
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password, to confirm",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class PasswordOnlyForm(forms.Form):
    password = forms.CharField(
        label="The password you chose",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app, or a recovery code",
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "text",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )


class TwoFactorOffForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(label="A code from your app, or a recovery code", max_length=20)
